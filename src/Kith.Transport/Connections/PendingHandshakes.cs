namespace Kith.Transport.Connections;

/// <summary>
/// Inbound connections still in their handshake, at most <c>capacity</c>. Admitting one more when full drops the
/// oldest (as a SYN cache does under a SYN flood): connections that hold a slot without finishing cannot lock newer
/// ones out, so an honest peer that completes its handshake promptly gets through a flood of half-open connections.
/// </summary>
internal sealed class PendingHandshakes(int capacity)
{
    private readonly LinkedList<CancellationTokenSource> _oldestFirst = new();
    private readonly Lock _gate = new();

    /// <summary>Handshakes in progress.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _oldestFirst.Count;
            }
        }
    }

    /// <summary>Connections dropped to make room so far.</summary>
    public long Evicted { get; private set; }

    /// <summary>Admits a handshake whose abandonment is <paramref name="abandon"/>; cancels the oldest if full.</summary>
    public LinkedListNode<CancellationTokenSource> Admit(CancellationTokenSource abandon)
    {
        lock (_gate)
        {
            if (_oldestFirst.Count >= capacity && _oldestFirst.First is { } oldest)
            {
                _oldestFirst.Remove(oldest);
                Evicted++;
                oldest.Value.Cancel();
            }

            return _oldestFirst.AddLast(abandon);
        }
    }

    /// <summary>Forgets a finished handshake (no-op if it was evicted).</summary>
    public void Remove(LinkedListNode<CancellationTokenSource> entry)
    {
        lock (_gate)
        {
            if (entry.List is not null)
            {
                _oldestFirst.Remove(entry);
            }
        }
    }

    /// <summary>Cancels every handshake in progress (shutdown).</summary>
    public void CancelAll()
    {
        lock (_gate)
        {
            foreach (CancellationTokenSource pending in _oldestFirst)
            {
                pending.Cancel();
            }

            _oldestFirst.Clear();
        }
    }
}
