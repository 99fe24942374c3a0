using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>
/// Refusals: ids deleted on this account (issue 4, "Deletion"). The account's own log carries the deletion;
/// each own device keeps only the refused ids, so a deleted event is never accepted or shown again, and the
/// events that name it as parent are not stranded by its absence.
/// </summary>
public sealed partial class ConversationLog
{
    /// <summary>
    /// Whether <paramref name="id"/> is on the conversation's refusal list: sync does not ask for it, and
    /// <see cref="Add"/> never accepts it.
    /// </summary>
    public bool IsRefused(EventId id) => _isRefused(id);

    /// <summary>
    /// Forgets an event that was just put on the refusal list (the caller records the refusal first, so
    /// <see cref="IsRefused"/> already answers yes). A held event leaves the DAG, its children keep their place,
    /// and pending events that waited only on it are released; a pending one is dropped.
    /// </summary>
    /// <returns>Events released from the pending set, as <see cref="Add"/> reports them.</returns>
    public EventAddResult Forget(EventId id)
    {
        _ = _pending.Remove(id);
        if (_events.Remove(id, out Wire.Conversations.ConversationEvent? held))
        {
            Detach(held);
        }

        var released = new List<EventId> { id };
        var rejected = new List<RejectedEvent>();
        ReleasePending(released, rejected);
        released.RemoveAt(0);
        return new EventAddResult(EventAddOutcome.Refused, released, [], rejected);
    }

    /// <summary>A parent is satisfied when it is accepted or refused (Briar's rule is skipped for a refused one).</summary>
    private bool IsSatisfied(EventId parent) => _events.ContainsKey(parent) || _isRefused(parent);

    /// <summary>Removes a forgotten event's edges; its parents that are left childless become heads again.</summary>
    private void Detach(Wire.Conversations.ConversationEvent removed)
    {
        _heads.Remove(removed.Id);
        _ = _children.Remove(removed.Id);
        foreach (EventId parent in removed.Parents)
        {
            if (_children.TryGetValue(parent, out List<EventId>? siblings))
            {
                _ = siblings.Remove(removed.Id);
                if (siblings.Count == 0 && _events.ContainsKey(parent))
                {
                    _heads.Add(parent);
                }
            }
        }

        // The largest key may now be stale (too large): the append shortcut in Accept stays correct with a
        // larger bound, it only recomputes more often.
        _orderCurrent = false;
    }
}
