using System.Security.Cryptography;
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
    /// Offers an event from any member device (relayed unchanged). The log decides acceptance; each accepted event
    /// is stored, and what this device can read is decrypted and shown: an announcement hands it the author's chain
    /// (pairwise), content under a known chain is decrypted, content under an unknown chain waits for it.
    /// </summary>
    /// <returns>What changed; an error only when a store cannot be read back.</returns>
    public Result<ReceiveResult> Receive(ConversationEvent candidate, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var effects = new Effects();
        if (!_log.Add(candidate, nowUnixMs).TryGet(out EventAddResult? added, out KithError? refused))
        {
            effects.Refused.Add(new RejectedEvent(candidate.Id, refused));
            return effects.ToResult(duplicate: false);
        }

        effects.Refused.AddRange(added.Rejected);
        Result<Unit> processed = Process(added.Accepted, effects, store: true);
        if (!processed.IsOk)
        {
            return processed.Error;
        }

        PlaceShown(effects);
        return effects.ToResult(added.Outcome is EventAddOutcome.Duplicate or EventAddOutcome.Refused);
    }

    /// <summary>Stores (when asked) and reads each newly accepted event, parents before children.</summary>
    private Result<Unit> Process(IReadOnlyList<EventId> accepted, Effects effects, bool store)
    {
        foreach (EventId id in accepted)
        {
            _ = _log.TryGet(id, out ConversationEvent? e);
            if (store)
            {
                _stores.Events.Append(Conversation, e!);
            }

            effects.Accepted.Add(id);
            Result<Unit> read = Read(e!, effects);
            if (!read.IsOk)
            {
                return read;
            }
        }

        return Result.Ok();
    }

    private Result<Unit> Read(ConversationEvent e, Effects effects)
    {
        // Own events are shown when sent; this device never announces to itself.
        if (e.Author == Local || _shown.Contains(e.Id))
        {
            return Result.Ok();
        }

        if (!EventPayload.Decode(e.Ciphertext).TryGet(out EventPayload? payload, out KithError? error))
        {
            effects.Unreadable.Add(new RejectedEvent(e.Id, error));
            return Result.Ok();
        }

        return payload is ChainAnnouncement announcement ? LearnChain(e, announcement, effects) : ReadContent(e, effects);
    }

    /// <summary>Rule 4: a chain is learned only from its author over the pairwise session, for the key the event carries.</summary>
    private Result<Unit> LearnChain(ConversationEvent e, ChainAnnouncement announcement, Effects effects)
    {
        if (announcement.PartFor(Local) is not { } part || _chains.HasReceived(e.Author, e.ChainId))
        {
            return Result.Ok();
        }

        if (!_channel.Open(e.Author, part.Envelope).TryGet(out byte[]? opened, out KithError? error))
        {
            effects.Unreadable.Add(new RejectedEvent(e.Id, error));
            return Result.Ok();
        }

        Result<SenderKeyDistribution> decoded = SenderKeyDistribution.Decode(opened);
        CryptographicOperations.ZeroMemory(opened);
        if (!decoded.TryGet(out SenderKeyDistribution? distribution, out error))
        {
            effects.Unreadable.Add(new RejectedEvent(e.Id, error));
            return Result.Ok();
        }

        using (distribution)
        {
            if (!distribution.ChainId.SequenceEqual(e.ChainId) || distribution.Conversation != Conversation
                || !distribution.SigningPublicKey.SequenceEqual(e.SigningKey))
            {
                effects.Unreadable.Add(new RejectedEvent(e.Id, MessagingErrors.MismatchedAnnouncement));
                return Result.Ok();
            }

            using ReceivedSenderChain chain = ReceivedSenderChain.FromDistribution(e.Author, distribution);
            foreach (ConversationEvent waiting in _waiting.Take(e.Author, e.ChainId))
            {
                Decrypt(waiting, chain, effects);
            }

            _chains.SaveReceived(chain);
            return Result.Ok();
        }
    }

    private Result<Unit> ReadContent(ConversationEvent e, Effects effects)
    {
        if (!_chains.LoadReceived(e.Author, e.ChainId).TryGet(out ReceivedSenderChain? chain, out KithError? error))
        {
            return error;
        }

        if (chain is null)
        {
            _waiting.Add(e);
            return Result.Ok();
        }

        using (chain)
        {
            Decrypt(e, chain, effects);
            _chains.SaveReceived(chain);
            return Result.Ok();
        }
    }

    /// <summary>Decrypts content under a chain learned pairwise; a key mismatch means the event is forged.</summary>
    private void Decrypt(ConversationEvent e, ReceivedSenderChain chain, Effects effects)
    {
        if (!chain.SigningPublicKey.SequenceEqual(e.SigningKey))
        {
            effects.Forged.Add(e.Id);
            return;
        }

        if (EventPayload.Decode(e.Ciphertext).Value is not SealedContent sealedContent)
        {
            effects.Unreadable.Add(new RejectedEvent(e.Id, Wire.WireErrors.Malformed));
            return;
        }

        if (!chain.Decrypt(e.ChainIndex, sealedContent.Ciphertext, ContentBinding.AssociatedData(e)).TryGet(out byte[]? plaintext, out KithError? error)
            || !MessageContentCodec.DecodePadded(plaintext).TryGet(out MessageContent? content, out error))
        {
            effects.Unreadable.Add(new RejectedEvent(e.Id, error));
            return;
        }

        _ = _shown.Add(e.Id);
        effects.NewlyShown.Add((e, plaintext, content));
    }

    /// <summary>
    /// Writes the newly shown messages at their display positions and moves the shown messages a late event
    /// pushed down (<see cref="IMessageStore.Reposition"/>). Only positions from the log's
    /// <see cref="ConversationLog.UnmovedPrefix"/> on are looked at: nothing for a message appended at the end.
    /// </summary>
    private void PlaceShown(Effects effects)
    {
        var fresh = effects.NewlyShown.Select(n => n.Event.Id).ToHashSet();
        var moves = new List<(EventId Id, long Position)>();
        for (int position = _log.UnmovedPrefix; position < _log.Count; position++)
        {
            EventId id = _log.OrderAt(position);
            if (_shown.Contains(id) && !fresh.Contains(id) && (!_positions.TryGetValue(id, out int before) || before != position))
            {
                moves.Add((id, position));
            }

            _positions[id] = position;
        }

        _log.MarkOrderSeen();
        if (moves.Count > 0)
        {
            _stores.Messages.Reposition(Conversation, moves);
        }

        // A message read and deleted in the same step (a deletion released it) is not shown.
        foreach ((ConversationEvent e, byte[] plaintext, MessageContent content) in effects.NewlyShown
            .Where(n => _shown.Contains(n.Event.Id)).OrderBy(n => _positions[n.Event.Id]))
        {
            var message = new ShownMessage(e.Id, e.Author, e.TimestampUnixMs, _positions[e.Id], plaintext);
            _stores.Messages.Put(Conversation, message);
            effects.Shown.Add(new ReceivedMessage(message, content));
        }
    }

    /// <summary>What one step changed, gathered while it runs.</summary>
    private sealed class Effects
    {
        public List<EventId> Accepted { get; } = [];

        public List<(ConversationEvent Event, byte[] Plaintext, MessageContent Content)> NewlyShown { get; } = [];

        public List<ReceivedMessage> Shown { get; } = [];

        public List<RejectedEvent> Refused { get; } = [];

        public List<EventId> Forged { get; } = [];

        public List<RejectedEvent> Unreadable { get; } = [];

        public ReceiveResult ToResult(bool duplicate) => new(Accepted, Shown, Refused, Forged, Unreadable, duplicate);
    }
}
