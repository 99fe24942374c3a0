using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Messaging;

public sealed partial class ConversationReplica
{
    /// <summary>
    /// Writes <paramref name="content"/>: starts a new chain first when there is none, the rotation policy says so,
    /// or the member devices differ from those the chain was announced to (README, decisions 3 and 7); then seals the
    /// padded content with the chain, signs, accepts and stores the events, and shows the message.
    /// </summary>
    /// <returns>The new events for the caller to deliver to every member device.</returns>
    public Result<SendResult> Send(MessageContent content, long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(random);
        if (!_membership.Current.IsMember(Conversation, Local, nowUnixMs))
        {
            return MessagingErrors.NotMember;
        }

        if (!_chains.LoadOwn().TryGet(out SenderChain? chain, out KithError? error))
        {
            return error;
        }

        long timestamp = NextTimestamp(nowUnixMs);
        var events = new List<ConversationEvent>();
        var unreached = new List<DeviceId>();
        DeviceId[] recipients = [.. _membership.Current.Devices.Where(d => d != Local)];
        try
        {
            if (chain is null || chain.NeedsRotation(DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs), _rotation)
                || !_chains.LoadOwnRecipients().SequenceEqual(recipients))
            {
                chain?.Dispose();
                chain = SenderChain.Create(Conversation, DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs), random);
                ConversationEvent announcement = Announce(chain, recipients, timestamp, random, unreached);
                Result<Unit> added = AddOwn(announcement);
                if (!added.IsOk)
                {
                    return added.Error;
                }

                events.Add(announcement);
                _chains.SaveOwnRecipients(recipients);
            }

            IReadOnlyList<EventId> parents = _log.ParentsForNextEvent();
            byte[] plaintext = MessageContentCodec.EncodePadded(content);
            ConversationEvent written = ContentSealer.Seal(chain, Local, parents, timestamp, plaintext);
            Result<Unit> accepted = AddOwn(written);
            if (!accepted.IsOk)
            {
                return accepted.Error;
            }

            events.Add(written);
            _chains.SaveOwn(chain);
            _ = _shown.Add(written.Id);
            var effects = new Effects();
            effects.NewlyShown.Add((written, plaintext, content));
            PlaceShown(effects);
            return new SendResult(events, effects.Shown[0], unreached);
        }
        finally
        {
            chain?.Dispose();
        }
    }

    /// <summary>
    /// The announcement event: the chain's distribution sealed pairwise for every other member device; called on a
    /// fresh chain (index 0).
    /// </summary>
    private ConversationEvent Announce(SenderChain chain, DeviceId[] recipients, long timestamp, IRandomSource random,
        List<DeviceId> unreached)
    {
        var parts = new List<AnnouncementPart>(recipients.Length);
        foreach (DeviceId recipient in recipients)
        {
            if (SealDistribution(chain, recipient, random).TryGet(out byte[]? envelope, out _))
            {
                parts.Add(new AnnouncementPart(recipient, envelope));
            }
            else
            {
                // No session and no prekeys yet (a contact added from a QR card): the chain is kept as it is now, at
                // index 0, and handed over once the device is reachable, so it can read what is sent until then.
                unreached.Add(recipient);
                _chains.SavePending(recipient, chain);
            }
        }

        return ContentBinding.Sign(chain, Local, _log.ParentsForNextEvent(), timestamp, chain.Index, new ChainAnnouncement(parts).ToBytes());
    }

    /// <summary>
    /// <paramref name="chain"/>'s distribution (its state from its current index on) sealed pairwise for
    /// <paramref name="recipient"/>, or an error while there is no session and no prekeys to start one.
    /// </summary>
    private Result<byte[]> SealDistribution(SenderChain chain, DeviceId recipient, IRandomSource random)
    {
        using SenderKeyDistribution distribution = chain.CreateDistribution();
        byte[] encoded = distribution.ToBytes();
        Result<byte[]> sealedPart = _channel.Seal(recipient, encoded, random);
        CryptographicOperations.ZeroMemory(encoded);
        return sealedPart;
    }

    /// <summary>
    /// Briar's rule on every replica: never earlier than what the next own event will name as parents; and after a
    /// cleared conversation's cut, or every own device would refuse it (the cut is at most a clock skew ahead).
    /// </summary>
    private long NextTimestamp(long nowUnixMs) =>
        Math.Max(Math.Max(nowUnixMs, _log.LatestTimestamp), _clearedUpTo == long.MaxValue ? _clearedUpTo : _clearedUpTo + 1);

    /// <summary>Own events pass through the same log rules as everyone's, then are stored.</summary>
    private Result<Unit> AddOwn(ConversationEvent e)
    {
        if (!_log.Add(e, e.TimestampUnixMs).TryGet(out EventAddResult? added, out KithError? error))
        {
            return error;
        }

        foreach (EventId id in added.Accepted)
        {
            _ = _log.TryGet(id, out ConversationEvent? accepted);
            _stores.Events.Append(Conversation, accepted!);
        }

        return Result.Ok();
    }
}
