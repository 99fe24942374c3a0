using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

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
        if (_events.Remove(id, out ConversationEvent? held))
        {
            Detach(held);
        }

        var released = new List<EventId> { id };
        var rejected = new List<RejectedEvent>();
        ReleasePending(released, rejected);
        released.RemoveAt(0);
        return new EventAddResult(EventAddOutcome.Refused, released, [], rejected);
    }

    /// <summary>
    /// The pending and held events <paramref name="match"/> picks, pending ones first (oldest arrival first), then
    /// held ones in display order: what a deletion covering more than named ids (a cleared conversation) must
    /// forget. Pending ones come first so that forgetting a held parent does not release a child about to go too.
    /// </summary>
    public IReadOnlyList<EventId> Find(Func<ConversationEvent, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return [.. _pending.Events.Concat(Order().Select(id => _events[id])).Where(match).Select(e => e.Id)];
    }

    /// <summary>The held or pending event <paramref name="id"/>, if any.</summary>
    public bool TryGetHeldOrPending(EventId id, out ConversationEvent? found)
    {
        found = _events.TryGetValue(id, out ConversationEvent? held) ? held : _pending.Get(id);
        return found is not null;
    }

    /// <summary>A parent is satisfied when it is accepted or refused (Briar's rule is skipped for a refused one).</summary>
    private bool IsSatisfied(EventId parent) => _events.ContainsKey(parent) || _isRefused(parent);

    /// <summary>Removes a forgotten event's edges; its parents that are left childless become heads again.</summary>
    private void Detach(ConversationEvent removed)
    {
        _heads.Remove(removed.Id);
        bool hadChildren = _children.Remove(removed.Id, out List<EventId>? children) && children.Count > 0;
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

        Unplace(removed, hadChildren);
    }
}
