using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Dialing;
using Kith.Transport.Handshake;
using Kith.Transport.Links;

namespace Kith.Transport.Connections;

/// <summary>
/// Keeps the links of one device: at most <see cref="Limits.LinkMaxPerPeer"/> live link per peer, reconnection with
/// backoff to the peers it is asked to keep connected, and the limits that keep strangers cheap: at most
/// <see cref="Limits.LinkMaxPendingHandshakes"/> unauthenticated connections (oldest dropped first), a handshake
/// deadline, an idle deadline, and a per-peer connection rate. A link that misbehaves is dropped at its first bad
/// byte (see <see cref="PeerLink"/>).
/// </summary>
/// <remarks>
/// Events are raised on the link's own task, frames of one peer in order; handlers should hand work off quickly and
/// must not throw. <see cref="PeerConnected"/> may fire again for a peer whose link was replaced;
/// <see cref="PeerDisconnected"/> fires only when the peer has no live link left.
/// </remarks>
public sealed partial class ConnectionManager : IAsyncDisposable
{
    private readonly LinkKeys _local;
    private readonly LinkAuthoriser _authorise;
    private readonly ILinkDialer _dialer;
    private readonly LinkOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<DeviceId, PeerLink> _links = [];
    private readonly PendingHandshakes _pending = new(Limits.LinkMaxPendingHandshakes);
    private readonly PeerRateLimiter _rate = new(Limits.LinkPeerConnectionsPerWindow, Limits.LinkPeerRateWindowMs);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private bool _disposed;

    /// <summary>Creates a manager; it does nothing until links arrive or <see cref="KeepConnected"/> is called.</summary>
    /// <param name="local">This device's static key pair (stays the caller's) and identity payload.</param>
    /// <param name="authorise">Who may hold an inbound link.</param>
    /// <param name="dialer">How to reach peers (onion, direct, or a router between them).</param>
    /// <param name="options">Clock, randomness (also for backoff jitter) and timeouts.</param>
    public ConnectionManager(LinkKeys local, LinkAuthoriser authorise, ILinkDialer dialer, LinkOptions options)
    {
        _local = local ?? throw new ArgumentNullException(nameof(local));
        _authorise = authorise ?? throw new ArgumentNullException(nameof(authorise));
        _dialer = dialer ?? throw new ArgumentNullException(nameof(dialer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>A peer has a new live link.</summary>
    public event EventHandler<PeerConnectedEventArgs>? PeerConnected;

    /// <summary>A peer's last live link closed.</summary>
    public event EventHandler<PeerDisconnectedEventArgs>? PeerDisconnected;

    /// <summary>A whole frame arrived from an authenticated peer.</summary>
    public event EventHandler<FrameReceivedEventArgs>? FrameReceived;

    /// <summary>Inbound connections still in their handshake.</summary>
    public int PendingHandshakeCount => _pending.Count;

    /// <summary>Inbound connections dropped to make room for newer ones.</summary>
    public long EvictedHandshakes => _pending.Evicted;

    /// <summary>Inbound connections whose handshake failed, timed out or was refused.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    /// <summary>Peers with a live link.</summary>
    public IReadOnlyList<DeviceId> ConnectedPeers
    {
        get
        {
            lock (_gate)
            {
                return [.. _links.Keys];
            }
        }
    }

    /// <summary>The live link to <paramref name="peer"/>, if any.</summary>
    public PeerLink? LinkTo(DeviceId peer)
    {
        lock (_gate)
        {
            return _links.TryGetValue(peer, out PeerLink? link) && !link.IsClosed ? link : null;
        }
    }

    /// <summary>Queues a frame on the peer's live link.</summary>
    /// <returns>Ok, <see cref="TransportErrors.NotConnected"/>, or what <see cref="PeerLink.SendAsync"/> returns.</returns>
    public async ValueTask<Result<Unit>> SendAsync(DeviceId peer, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
    {
        PeerLink? link = LinkTo(peer);
        return link is null ? TransportErrors.NotConnected : await link.SendAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes every link and handshake, stops reconnecting and waits for its tasks.</summary>
    public async ValueTask DisposeAsync()
    {
        PeerLink[] links;
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            links = [.. _links.Values];
            running = [.. _running];
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _pending.CancelAll();
        foreach (PeerLink link in links)
        {
            link.Close(TransportErrors.LocalClose);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Counts; never a key.</summary>
    public override string ToString() =>
        $"ConnectionManager({ConnectedPeers.Count} peers, {PendingHandshakeCount} handshaking)";

    private long NowMs => _options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Adds an authenticated link, applying the rate limit and arbitration; returns whether it was kept.</summary>
    private bool Register(PeerLink link)
    {
        PeerLink? loser = null;
        bool kept;
        lock (_gate)
        {
            if (_disposed)
            {
                kept = false;
                loser = link;
            }
            else if (!_rate.TryAcquire(link.Peer, NowMs))
            {
                link.Close(TransportErrors.RateLimited);
                kept = false;
            }
            else if (_links.TryGetValue(link.Peer, out PeerLink? existing) && !existing.IsClosed
                && !LinkArbitration.KeepNewer(existing, link, _local.Static.PublicKey))
            {
                kept = false;
                loser = link;
            }
            else
            {
                loser = _links.GetValueOrDefault(link.Peer);
                _links[link.Peer] = link;
                kept = true;
            }
        }

        loser?.Close(_disposed ? TransportErrors.LocalClose : TransportErrors.Duplicate);
        if (!kept)
        {
            _ = link.DisposeAsync().AsTask();
            return false;
        }

        // Connected is raised before the first frame can be: the receive loop starts only now.
        PeerConnected?.Invoke(this, new PeerConnectedEventArgs(link.Peer, link));
        lock (_gate)
        {
            Track(ReceiveLoopAsync(link));
        }

        return true;
    }

    private async Task ReceiveLoopAsync(PeerLink link)
    {
        await Task.Yield();
        while (true)
        {
            Result<byte[]> frame = await link.ReceiveAsync().ConfigureAwait(false);
            if (!frame.IsOk)
            {
                break;
            }

            FrameReceived?.Invoke(this, new FrameReceivedEventArgs(link.Peer, frame.Value));
        }

        bool wasCurrent;
        lock (_gate)
        {
            wasCurrent = _links.TryGetValue(link.Peer, out PeerLink? current) && current == link;
            if (wasCurrent)
            {
                _links.Remove(link.Peer);
            }
        }

        KithError reason = await link.Completion.ConfigureAwait(false);
        await link.DisposeAsync().ConfigureAwait(false);
        if (wasCurrent)
        {
            PeerDisconnected?.Invoke(this, new PeerDisconnectedEventArgs(link.Peer, reason));
        }
    }

    /// <summary>Remembers a background task so <see cref="DisposeAsync"/> can wait for it. Caller holds the lock.</summary>
    private void Track(Task task)
    {
        _running.RemoveAll(t => t.IsCompleted);
        _running.Add(task);
    }
}
