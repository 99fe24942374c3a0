using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Messaging;

/// <summary>
/// Deletion on this account (README, decision 8). Only content is deleted: a chain announcement carries no content,
/// and a member device that has not read it yet still needs it relayed to read the chain's later messages, so it is
/// never refused, removed or cut. A deleted event leaves the message store, the event store (IEventStore.Remove) and
/// the log; its id stays on the refusal list, so it is never accepted again, sync does not ask for it, and its
/// children count it as present.
/// </summary>
public sealed partial class ConversationReplica
{
    private long _clearedUpTo;

    /// <summary>
    /// The instruction that clears this conversation as this device sees it at <paramref name="nowUnixMs"/>: the
    /// cut is the later of the clock and the latest timestamp held, so every event held now falls under it.
    /// </summary>
    public DeleteConversationContent ClearInstruction(long nowUnixMs) =>
        new(Conversation, Math.Max(nowUnixMs, _log.LatestTimestamp));

    /// <summary>
    /// Applies a deletion read from (or sent in) the account's own log to this conversation. Only the caller knows
    /// the instruction came from the own-account log; instructions for other conversations are ignored.
    /// <see cref="DeleteMessagesContent"/> deletes the content events it names. <see cref="DeleteConversationContent"/>
    /// is a cut: every content event stamped at or before it is deleted now and refused whenever it arrives later
    /// (from a partitioned device, by sync or relay), so every own device ends with the same events.
    /// </summary>
    /// <param name="instruction">A <see cref="DeleteMessagesContent"/> or <see cref="DeleteConversationContent"/>.</param>
    /// <returns>What changed: pending events released because a deleted parent is now satisfied.</returns>
    public Result<ReceiveResult> ApplyDeletion(MessageContent instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var effects = new Effects();
        Result<Unit> applied = instruction switch
        {
            DeleteMessagesContent delete when delete.Conversation == Conversation => DeleteNamed(delete.Ids, effects),
            DeleteConversationContent clear when clear.Conversation == Conversation => Clear(clear.ClearedUpToUnixMs, effects),
            _ => Result.Ok(),
        };
        if (!applied.IsOk)
        {
            return applied.Error;
        }

        PlaceShown(effects);
        return effects.ToResult(duplicate: false);
    }

    /// <summary>The log's refusal rule for an offered event (see the type's remarks); records a cut event's id.</summary>
    private bool Refuses(ConversationEvent offered)
    {
        if (IsAnnouncement(offered))
        {
            return false;
        }

        if (_chains.IsRefused(offered.Id))
        {
            return true;
        }

        if (offered.TimestampUnixMs > _clearedUpTo)
        {
            return false;
        }

        _chains.Refuse(offered.Id);
        return true;
    }

    private static bool IsAnnouncement(ConversationEvent e) =>
        e.Ciphertext.Length > 0 && e.Ciphertext[0] == (byte)EventPayloadKind.Announcement;

    private Result<Unit> DeleteNamed(IReadOnlyList<EventId> ids, Effects effects)
    {
        foreach (EventId id in ids)
        {
            // Recorded even for an announcement, so every own device keeps the same list whether it holds the event
            // or not; an announcement is never refused (Refuses), so both end holding it.
            _chains.Refuse(id);
            if (_log.TryGetHeldOrPending(id, out ConversationEvent? known) && IsAnnouncement(known!))
            {
                continue;
            }

            Result<Unit> deleted = Delete(id, effects);
            if (!deleted.IsOk)
            {
                return deleted;
            }
        }

        return Result.Ok();
    }

    private Result<Unit> Clear(long upTo, Effects effects)
    {
        if (upTo <= _clearedUpTo)
        {
            // An older or repeated cut: everything under it is gone already and refused on arrival.
            return Result.Ok();
        }

        _clearedUpTo = upTo;
        _chains.SaveClearedUpTo(upTo);
        foreach (EventId id in _log.Find(e => !IsAnnouncement(e) && e.TimestampUnixMs <= upTo))
        {
            _chains.Refuse(id);
            Result<Unit> deleted = Delete(id, effects);
            if (!deleted.IsOk)
            {
                return deleted;
            }
        }

        return RemoveShownUpTo(upTo);
    }

    /// <summary>Messages shown without their event in the log (history imported from another own device) go too.</summary>
    private Result<Unit> RemoveShownUpTo(long upTo)
    {
        var doomed = new List<EventId>();
        long before = long.MaxValue;
        while (true)
        {
            Result<IReadOnlyList<ShownMessage>> page = _stores.Messages.Latest(Conversation, Limits.MaxMessagesPerPage, before);
            if (!page.TryGet(out IReadOnlyList<ShownMessage>? messages, out KithError? error))
            {
                return error;
            }

            if (messages.Count == 0)
            {
                break;
            }

            doomed.AddRange(messages.Where(m => m.TimestampUnixMs <= upTo).Select(m => m.Id));
            before = messages.Min(m => m.Position);
        }

        foreach (EventId id in doomed)
        {
            _ = _stores.Messages.Remove(Conversation, id);
            _ = _shown.Remove(id);
        }

        return Result.Ok();
    }

    /// <summary>Deletes one event whose id is already refused, and takes in the pending events its absence releases.</summary>
    private Result<Unit> Delete(EventId id, Effects effects)
    {
        _ = _stores.Messages.Remove(Conversation, id);
        _ = _stores.Events.Remove(Conversation, id);
        _ = _shown.Remove(id);
        _ = _positions.Remove(id);
        _ = _waiting.Remove(id);
        EventAddResult forgotten = _log.Forget(id);
        effects.Refused.AddRange(forgotten.Rejected);
        return Process(forgotten.Accepted, effects, store: true);
    }
}
