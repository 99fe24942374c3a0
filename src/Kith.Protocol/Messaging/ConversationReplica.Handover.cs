using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Messaging;

public sealed partial class ConversationReplica
{
    /// <summary>
    /// Hands the own chain to member devices it could not be sealed to when it was announced (no session and no
    /// prekeys: a contact added from a QR card, whose prekeys arrive later in its account update). Each reachable one
    /// gets a late announcement (README, decision 3), signed by that chain and carrying one pairwise part: the chain
    /// as it was at index 0, so the device reads everything the chain sealed meanwhile. Devices still unreachable stay
    /// pending; devices no longer members are forgotten. The caller delivers the events to every member device, as
    /// after <see cref="Send"/> (the others ignore a part that is not theirs).
    /// </summary>
    /// <returns>The late announcements, already accepted and stored; empty when nothing was pending or reachable.</returns>
    public Result<IReadOnlyList<ConversationEvent>> HandOverPendingChains(long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var events = new List<ConversationEvent>();
        foreach (DeviceId device in _chains.LoadPendingDevices())
        {
            if (!_membership.Current.Devices.Contains(device))
            {
                _chains.RemovePending(device);
                continue;
            }

            if (!_chains.LoadPending(device).TryGet(out SenderChain? atStart, out KithError? error))
            {
                return error;
            }

            if (atStart is null)
            {
                _chains.RemovePending(device);
                continue;
            }

            using (atStart)
            {
                if (!Hand(atStart, device, nowUnixMs, random).TryGet(out ConversationEvent? late, out error))
                {
                    return error;
                }

                if (late is not null)
                {
                    events.Add(late);
                    _chains.RemovePending(device);
                }
            }
        }

        return events;
    }

    /// <summary>The late announcement of <paramref name="chain"/> to <paramref name="device"/>, or null while it is still unreachable.</summary>
    private Result<ConversationEvent?> Hand(SenderChain chain, DeviceId device, long nowUnixMs, IRandomSource random)
    {
        if (!SealDistribution(chain, device, random).TryGet(out byte[]? envelope, out _))
        {
            return Result<ConversationEvent?>.Ok(null);
        }

        ConversationEvent late = ContentBinding.Sign(chain, Local, _log.ParentsForNextEvent(), NextTimestamp(nowUnixMs), chain.Index,
            new ChainAnnouncement([new AnnouncementPart(device, envelope)]).ToBytes());
        Result<Unit> added = AddOwn(late);
        return added.IsOk ? late : added.Error;
    }
}
