using Kith.Primitives.Ids;

namespace Kith.Transport.Connections;

/// <summary>
/// Counts authenticated links per peer in a sliding window (<see cref="Primitives.Limits.LinkPeerConnectionsPerWindow"/>
/// per <see cref="Primitives.Limits.LinkPeerRateWindowMs"/>). Only authorised peers are counted, so the table is
/// bounded by the number of known devices. Not thread-safe: the connection manager holds its lock.
/// </summary>
internal sealed class PeerRateLimiter(int maxPerWindow, long windowMs)
{
    private readonly Dictionary<DeviceId, Queue<long>> _recent = [];

    /// <summary>Records a link at <paramref name="nowMs"/> if the peer is within its allowance.</summary>
    public bool TryAcquire(DeviceId peer, long nowMs)
    {
        if (!_recent.TryGetValue(peer, out Queue<long>? times))
        {
            times = new Queue<long>();
            _recent[peer] = times;
        }

        while (times.TryPeek(out long oldest) && nowMs - oldest >= windowMs)
        {
            times.Dequeue();
        }

        if (times.Count >= maxPerWindow)
        {
            return false;
        }

        times.Enqueue(nowMs);
        return true;
    }
}
