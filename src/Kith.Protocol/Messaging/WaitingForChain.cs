using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Messaging;

/// <summary>
/// Accepted content events this device cannot read yet because the announcement of their chain has not arrived
/// (README, decision 4), keyed by (author, chain id). Bounded by <see cref="Limits.MaxEventsWaitingForChain"/>:
/// when full, the oldest wait is dropped; the event stays accepted and a rebuild from the stores tries it again.
/// Not persisted: a rebuild finds the unread content events again.
/// </summary>
internal sealed class WaitingForChain(int capacity = Limits.MaxEventsWaitingForChain)
{
    private readonly Dictionary<(DeviceId Author, string Chain), List<ConversationEvent>> _byChain = [];
    private readonly LinkedList<ConversationEvent> _arrivals = new();
    private readonly Dictionary<EventId, LinkedListNode<ConversationEvent>> _byId = [];

    public int Count => _byId.Count;

    public void Add(ConversationEvent waiting)
    {
        if (_byId.ContainsKey(waiting.Id) || capacity == 0)
        {
            return;
        }

        if (_byId.Count >= capacity)
        {
            _ = Remove(_arrivals.First!.Value.Id);
        }

        _byId.Add(waiting.Id, _arrivals.AddLast(waiting));
        (DeviceId, string) key = KeyOf(waiting.Author, waiting.ChainId);
        if (!_byChain.TryGetValue(key, out List<ConversationEvent>? list))
        {
            list = [];
            _byChain.Add(key, list);
        }

        list.Add(waiting);
    }

    /// <summary>Removes and returns the events waiting on the chain, in chain-index order.</summary>
    public List<ConversationEvent> Take(DeviceId author, ReadOnlySpan<byte> chainId)
    {
        if (!_byChain.Remove(KeyOf(author, chainId), out List<ConversationEvent>? list))
        {
            return [];
        }

        foreach (ConversationEvent e in list)
        {
            _arrivals.Remove(_byId[e.Id]);
            _ = _byId.Remove(e.Id);
        }

        return [.. list.OrderBy(e => e.ChainIndex)];
    }

    public bool Remove(EventId id)
    {
        if (!_byId.Remove(id, out LinkedListNode<ConversationEvent>? node))
        {
            return false;
        }

        _arrivals.Remove(node);
        (DeviceId, string) key = KeyOf(node.Value.Author, node.Value.ChainId);
        List<ConversationEvent> list = _byChain[key];
        _ = list.Remove(node.Value);
        if (list.Count == 0)
        {
            _ = _byChain.Remove(key);
        }

        return true;
    }

    private static (DeviceId, string) KeyOf(DeviceId author, ReadOnlySpan<byte> chainId) => (author, Convert.ToHexString(chainId));
}
