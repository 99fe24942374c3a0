using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The display order kept as events come and go (PROTOCOL.md, "Delivery and order"; <see cref="DisplayOrder"/>),
/// and which positions moved since the caller last looked, so a replica rewrites only the positions that changed
/// (Messaging README, decision 6) instead of copying the whole order on every step.
/// </summary>
public sealed partial class ConversationLog
{
    private List<EventId> _order = [];
    private bool _orderCurrent = true;
    private int _firstMoved;

    /// <summary>
    /// Every position below this holds the same event as at the last <see cref="MarkOrderSeen"/> (0 before the
    /// first); from here on, events were inserted, removed or moved.
    /// </summary>
    public int UnmovedPrefix
    {
        get
        {
            _ = CurrentOrder();
            return Math.Min(_firstMoved, _order.Count);
        }
    }

    /// <summary>The event at display position <paramref name="position"/> (0 to <see cref="Count"/> - 1).</summary>
    public EventId OrderAt(int position) => CurrentOrder()[position];

    /// <summary>Marks the current positions as seen: <see cref="UnmovedPrefix"/> is the whole order until something changes.</summary>
    public void MarkOrderSeen() => _firstMoved = CurrentOrder().Count;

    private List<EventId> CurrentOrder()
    {
        if (!_orderCurrent)
        {
            _order = DisplayOrder.Compute(_events, _children);
            _orderCurrent = true;
            _firstMoved = 0;
        }

        return _order;
    }

    /// <summary>Inserts a newly accepted event (no held children yet) where the full sort would put it.</summary>
    private void Place(ConversationEvent accepted, (long, EventId) key)
    {
        if (!_orderCurrent)
        {
            return;
        }

        // Sorting after every ordered event, it can only come last: no scan.
        int at = _largestKey is null || key.CompareTo(_largestKey.Value) > 0
            ? _order.Count
            : DisplayOrder.InsertionIndex(_order, _events, accepted);
        _order.Insert(at, accepted.Id);
        _firstMoved = Math.Min(_firstMoved, at);
    }

    /// <summary>
    /// Takes a forgotten event out of the order. Without held children, the rest keeps its order (the reverse of
    /// <see cref="Place"/>); with children, they may now come earlier, so the order is recomputed on next use
    /// (deletion is rare). The largest key may now be stale (too large), which only makes <see cref="Place"/> scan.
    /// </summary>
    private void Unplace(ConversationEvent removed, bool hadChildren)
    {
        if (!_orderCurrent)
        {
            return;
        }

        if (hadChildren)
        {
            _orderCurrent = false;
            return;
        }

        int at = _order.LastIndexOf(removed.Id);
        _order.RemoveAt(at);
        _firstMoved = Math.Min(_firstMoved, at);
    }
}
