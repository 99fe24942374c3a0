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
