using Kith.Engine.Links;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Connections;
using Kith.Transport.Links;

namespace Kith.Node.Peers;

/// <summary>
/// The engine's <see cref="IDeviceLinks"/> over Kith.Transport's <see cref="ConnectionManager"/> (docs/ARCHITECTURE.md:
/// "the engine's view of links is its own interface, which the node adapts to the transport"). Every link the manager
/// reports is already authenticated: its peer is the device whose bound static key the Noise handshake proved
/// (<see cref="PeerDirectory.Authorise"/> inbound, <c>PeerAddress.StaticPublicKey</c> outbound).
/// </summary>
internal sealed class TransportDeviceLinks : IDeviceLinks
{
    private readonly ConnectionManager _manager;
    private readonly PeerDirectory _directory;
    private readonly PeerAddressing _addressing;
    private IDeviceLinkObserver? _observer;

    /// <summary>Adapts <paramref name="manager"/>; dial hints go to peers <paramref name="directory"/> knows.</summary>
    public TransportDeviceLinks(ConnectionManager manager, PeerDirectory directory, PeerAddressing addressing)
    {
        _manager = manager ?? throw new ArgumentNullException(nameof(manager));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _addressing = addressing ?? throw new ArgumentNullException(nameof(addressing));
        _manager.PeerConnected += (_, e) => _observer?.Connected(e.Peer);
        _manager.PeerDisconnected += (_, e) => _observer?.Disconnected(e.Peer);
        _manager.FrameReceived += (_, e) => _observer?.Received(e.Peer, e.Frame);
    }

    /// <summary>Peers with a live link.</summary>
    public int ConnectedCount => _manager.ConnectedPeers.Count;

    /// <inheritdoc/>
    public bool Send(DeviceId device, ReadOnlyMemory<byte> frame)
    {
        PeerLink? link = _manager.LinkTo(device);
        if (link is null)
        {
            // Called under the engine's lock: dialling (and reloading the directory on a miss) happens elsewhere.
            _ = Task.Run(() => Dial(device));
            return false;
        }

        // The link's queue is bounded and a full one makes the sender wait: that wait must not hold the engine's
        // lock, so the send completes on its own; a frame lost with its link is resent by the outbox.
        ValueTask<Result<Unit>> queued = link.SendAsync(frame.ToArray());
        if (!queued.IsCompleted)
        {
            _ = Observe(queued);
            return true;
        }

        return queued.Result.IsOk;
    }

    /// <inheritdoc/>
    public void Subscribe(IDeviceLinkObserver observer) =>
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));

    /// <summary>
    /// Keeps a link to every known peer that has a transport this node uses (at start and after contacts or accounts
    /// change), and forgets the peers no longer known, closing their links: a revoked device's record is gone, so it
    /// is neither dialled nor, by <see cref="PeerDirectory.Authorise"/>, accepted again.
    /// </summary>
    public void ConnectKnown()
    {
        try
        {
            KeepKnown();
        }
        catch (ObjectDisposedException)
        {
            // Contacts or accounts changed while the node stopped (its links close before the contact watch ends,
            // NodeHost.DisposeAsync): there is nothing left to link with.
        }
    }

    private void KeepKnown()
    {
        HashSet<DeviceId> before = [.. _directory.All.Select(peer => peer.Device)];
        _directory.Refresh();
        IReadOnlyList<KnownPeer> now = _directory.All;
        before.ExceptWith(now.Select(peer => peer.Device));
        foreach (DeviceId gone in before)
        {
            _manager.Forget(gone);
        }

        foreach (KnownPeer peer in now)
        {
            Keep(peer);
        }
    }

    /// <summary>Kinds and counts; never a key.</summary>
    public override string ToString() => $"TransportDeviceLinks({_manager}, {_addressing})";

    private static async Task Observe(ValueTask<Result<Unit>> queued) => await queued.ConfigureAwait(false);

    private void Dial(DeviceId device)
    {
        try
        {
            DialKnown(device);
        }
        catch (ObjectDisposedException)
        {
            // The node stopped between the engine's send and this dial: there is nothing left to dial with.
        }
    }

    private void DialKnown(DeviceId device)
    {
        KnownPeer? peer = _directory.Find(device);
        if (peer is null)
        {
            _directory.Refresh();
            peer = _directory.Find(device);
        }

        if (peer is not null)
        {
            Keep(peer);
        }
    }

    private void Keep(KnownPeer peer)
    {
        if (_addressing.AddressOf(peer) is { } address)
        {
            _manager.KeepConnected(address);
        }
    }
}
