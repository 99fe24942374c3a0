using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Messaging;

public sealed partial class ConversationReplica
{
    /// <summary>
    /// Applies a deletion read from (or sent in) the account's own log to this conversation (README, decision 8):
    /// each deleted id goes on the refusal list, its content leaves the message store, and the event leaves the log,
    /// so it is never accepted or shown again while the events naming it as parent keep their place. Only the
    /// caller knows the instruction came from the own-account log; instructions for other conversations are ignored.
    /// </summary>
    /// <param name="instruction">A <see cref="DeleteMessagesContent"/> or <see cref="DeleteConversationContent"/>.</param>
    /// <returns>What changed: pending events released because a deleted parent is now satisfied.</returns>
    public Result<ReceiveResult> ApplyDeletion(MessageContent instruction)
    {
        IReadOnlyList<EventId> ids = instruction switch
        {
            DeleteMessagesContent delete when delete.Conversation == Conversation => delete.Ids,
            DeleteConversationContent clear when clear.Conversation == Conversation => _log.Order(),
            _ => [],
        };

        var effects = new Effects();
        foreach (EventId id in ids)
        {
            _chains.Refuse(id);
            _ = _stores.Messages.Remove(Conversation, id);
            _ = _shown.Remove(id);
            _ = _waiting.Remove(id);
            EventAddResult forgotten = _log.Forget(id);
            effects.Refused.AddRange(forgotten.Rejected);
            Result<Unit> processed = Process(forgotten.Accepted, effects, store: true);
            if (!processed.IsOk)
            {
                return processed.Error;
            }
        }

        PlaceShown(effects);
        return effects.ToResult(duplicate: false);
    }
}
