using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// Events whose signature and author check out but whose parents have not all arrived, bounded by
/// count and bytes. When full, the oldest arrival is evicted first: a sync walk-back delivers a gap
/// child first, so the newest arrivals are the ones closest to the known history.
/// </summary>
internal sealed class PendingEvents(int maxEvents, int maxBytes)
{
    private readonly LinkedList<ConversationEvent> _arrivals = new();
    private readonly Dictionary<EventId, LinkedListNode<ConversationEvent>> _byId = [];
    private readonly Dictionary<EventId, List<EventId>> _waitersByParent = [];
    private long _bytes;

    public int Count => _byId.Count;

    public bool Contains(EventId id) => _byId.ContainsKey(id);

    /// <summary>The waiting event <paramref name="id"/>, or null.</summary>
    public ConversationEvent? Get(EventId id) => _byId.TryGetValue(id, out LinkedListNode<ConversationEvent>? node) ? node.Value : null;

    /// <summary>The waiting events, oldest arrival first.</summary>
    public IEnumerable<ConversationEvent> Events => _arrivals;

    /// <summary>Whether an event of this size can ever fit, however much is evicted.</summary>
    public bool CanEverHold(ConversationEvent candidate) => maxEvents > 0 && candidate.EncodedLength <= maxBytes;

    /// <summary>Ids that pending events name as parents and that are not themselves pending.</summary>
    public IEnumerable<EventId> MissingParents() => _waitersByParent.Keys.Where(parent => !_byId.ContainsKey(parent));

    /// <summary>Adds an event, evicting oldest arrivals until it fits; returns the evicted ids.</summary>
    public List<EventId> Add(ConversationEvent candidate, Func<EventId, bool> isKnown)
    {
        var evicted = new List<EventId>();
        while (_byId.Count >= maxEvents || _bytes + candidate.EncodedLength > maxBytes)
        {
            ConversationEvent oldest = _arrivals.First!.Value;
            Remove(oldest.Id);
            evicted.Add(oldest.Id);
        }

        _byId.Add(candidate.Id, _arrivals.AddLast(candidate));
        _bytes += candidate.EncodedLength;
        foreach (EventId parent in candidate.Parents)
        {
            if (!isKnown(parent))
            {
                if (!_waitersByParent.TryGetValue(parent, out List<EventId>? waiters))
                {
                    waiters = [];
                    _waitersByParent.Add(parent, waiters);
                }

                waiters.Add(candidate.Id);
            }
        }

        return evicted;
    }

    /// <summary>Pending events that named <paramref name="parent"/> as a missing parent (snapshot).</summary>
    public List<ConversationEvent> WaitingOn(EventId parent) =>
        _waitersByParent.TryGetValue(parent, out List<EventId>? waiters)
            ? [.. waiters.Select(id => _byId[id].Value)]
            : [];

    /// <summary>
    /// Whether a waiting event that carries <paramref name="candidate"/>'s signing key names it through parent ids
    /// (directly or through other waiting events): that event passed the intrinsic checks, its signature included,
    /// and its id commits to <paramref name="candidate"/>'s bytes. Visits each waiting event at most once.
    /// </summary>
    public bool HasSameKeyDescendant(ConversationEvent candidate)
    {
        var visited = new HashSet<EventId>();
        var next = new Queue<EventId>([candidate.Id]);
        while (next.TryDequeue(out EventId parent))
        {
            if (!_waitersByParent.TryGetValue(parent, out List<EventId>? waiters))
            {
                continue;
            }

            foreach (EventId waiter in waiters)
            {
                if (!visited.Add(waiter))
                {
                    continue;
                }

                if (_byId[waiter].Value.SigningKey.SequenceEqual(candidate.SigningKey))
                {
                    return true;
                }

                next.Enqueue(waiter);
            }
        }

        return false;
    }

    /// <summary>Removes an event and its entries in the waiters index.</summary>
    public bool Remove(EventId id)
    {
        if (!_byId.Remove(id, out LinkedListNode<ConversationEvent>? node))
        {
            return false;
        }

        _arrivals.Remove(node);
        _bytes -= node.Value.EncodedLength;
        foreach (EventId parent in node.Value.Parents)
        {
            if (_waitersByParent.TryGetValue(parent, out List<EventId>? waiters) && waiters.Remove(id) && waiters.Count == 0)
            {
                _waitersByParent.Remove(parent);
            }
        }

        return true;
    }
}
