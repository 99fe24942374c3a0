using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The display order of a conversation (PROTOCOL.md, "Delivery and order"): a topological order of the
/// DAG in which, among the events whose parents are all placed, the one with the smallest
/// (timestamp, event id) comes next. This is Kahn's algorithm with a priority queue; the choice at each
/// step depends only on the event set, so every replica with the same events shows the same order.
/// </summary>
internal static class DisplayOrder
{
    /// <summary>The sort key of an event among its available peers.</summary>
    public static (long Timestamp, EventId Id) KeyOf(ConversationEvent e) => (e.TimestampUnixMs, e.Id);

    /// <summary>
    /// Where the greedy sort places a new event <paramref name="added"/> that no event in <paramref name="order"/>
    /// names as parent, with every other event keeping its relative order: the first position after its last
    /// placed parent whose event has a larger key. Up to that step the sort makes the same choices as without it
    /// (it was not yet available, or a smaller key was); there it wins; placing it releases nothing (it has no
    /// children), so the rest follows as before. Scans back from the end only as far as its last parent, so a new
    /// message on the latest heads costs O(1).
    /// </summary>
    /// <param name="order">The current order, <see cref="Compute"/> of <paramref name="events"/> without the new one.</param>
    /// <param name="events">The held events, the new one included or not; parents outside it (refused) are ignored.</param>
    /// <param name="added">The new event.</param>
    public static int InsertionIndex(List<EventId> order, IReadOnlyDictionary<EventId, ConversationEvent> events, ConversationEvent added)
    {
        (long, EventId) key = KeyOf(added);
        int at = order.Count;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            EventId placed = order[i];
            if (added.Parents.Contains(placed))
            {
                break;
            }

            if (KeyOf(events[placed]).CompareTo(key) > 0)
            {
                at = i;
            }
        }

        return at;
    }

    /// <summary>Orders every event in <paramref name="events"/>; a parent outside the set (refused) is ignored.</summary>
    public static List<EventId> Compute(IReadOnlyDictionary<EventId, ConversationEvent> events,
        IReadOnlyDictionary<EventId, List<EventId>> children)
    {
        var order = new List<EventId>(events.Count);
        var unplacedParents = new Dictionary<EventId, int>(events.Count);
        var ready = new PriorityQueue<EventId, (long, EventId)>();
        foreach (ConversationEvent e in events.Values)
        {
            int held = e.Parents.Count(events.ContainsKey);
            unplacedParents[e.Id] = held;
            if (held == 0)
            {
                ready.Enqueue(e.Id, KeyOf(e));
            }
        }

        while (ready.TryDequeue(out EventId next, out _))
        {
            order.Add(next);
            if (!children.TryGetValue(next, out List<EventId>? nextChildren))
            {
                continue;
            }

            foreach (EventId child in nextChildren)
            {
                int left = unplacedParents[child] - 1;
                unplacedParents[child] = left;
                if (left == 0)
                {
                    ready.Enqueue(child, KeyOf(events[child]));
                }
            }
        }

        return order;
    }
}
