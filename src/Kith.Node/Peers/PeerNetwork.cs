using System.Net;
using Kith.Crypto;
using Kith.Node.Device;
using Kith.Transport;
using Kith.Transport.Connections;
using Kith.Transport.Dialing;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Transport.Listening;

namespace Kith.Node.Peers;

/// <summary>
/// This device's links, composed: the loopback listener peers reach it on (tor's onion forward, or direct TCP), the
/// dialer for this node's mode, the <see cref="ConnectionManager"/>, and the engine's <see cref="TransportDeviceLinks"/>
/// view of them. The Noise static key is the device's X25519 identity key (PQXDH <c>IK</c>), the one its signed
/// prekeys bind to it, so a peer that knows the device's prekeys knows the key the link must prove; the handshake
/// also carries the key's binding to the device id (<see cref="LinkIdentity"/>), so a peer that knows only the id (a
/// QR card) can check it too.
/// </summary>
internal sealed class PeerNetwork : IAsyncDisposable
{
    /// <summary>The onion service's virtual port listed in this device's record (any fixed port works; peers read it from the record).</summary>
    public const ushort OnionVirtualPort = 7777;

    private readonly X25519KeyPair _static;
    private readonly TcpLinkListener _listener;

    private PeerNetwork(X25519KeyPair localStatic, LinkOptions options, TcpLinkListener listener, ConnectionManager manager,
        PeerDirectory directory, TransportDeviceLinks links, ILinkDialer dialer)
    {
        Dialer = dialer;
        _static = localStatic;
        Options = options;
        _listener = listener;
        Manager = manager;
        Directory = directory;
        Links = links;
    }

    /// <summary>Where the listener is (127.0.0.1 and a port the OS chose).</summary>
    public IPEndPoint EndPoint => _listener.EndPoint;

    /// <summary>The links' clock and randomness; the randomness is safe to share across threads (handshakes, the engine's jitter).</summary>
    public LinkOptions Options { get; }

    /// <summary>The links.</summary>
    public ConnectionManager Manager { get; }

    /// <summary>Who may link with this device.</summary>
    public PeerDirectory Directory { get; }

    /// <summary>The dialer for this node's mode (linking dials a new device with it, outside the manager).</summary>
    public ILinkDialer Dialer { get; }

    /// <summary>The engine's view of the links.</summary>
    public TransportDeviceLinks Links { get; }

    /// <summary>
    /// Listens on 127.0.0.1 and prepares dialling: through tor's SOCKS port at <paramref name="socks"/> in tor mode,
    /// plain TCP when <paramref name="socks"/> is null (direct mode, NOT ANONYMOUS). Nothing is dialled until
    /// <see cref="TransportDeviceLinks.ConnectKnown"/> or a send. <paramref name="unknown"/>, when given, is asked about a
    /// static key no known peer holds (the new device's <c>DeviceLinking/LinkGate</c> while a link code is live).
    /// </summary>
    public static PeerNetwork Start(LocalDevice device, IPEndPoint? socks, TimeProvider time, IRandomSource random, LinkAuthoriser? unknown = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        LinkOptions options = LinkOptions.Create(time, random);
        var localStatic = X25519KeyPair.FromPrivateKey(device.Keys.Prekeys.IdentityDhPrivateKey.AsSpan());
        var local = LinkKeys.Create(localStatic, device.Keys.Identity);
        ILinkDialer dialer = socks is null
            ? new LinkDialerRouter(null, new DirectTcpDialer(local, options))
            : new LinkDialerRouter(new OnionDialer(local, options, socks), null);
        var directory = new PeerDirectory(device);
        LinkAuthoriser authorise = unknown is null
            ? directory.Authorise
            : (key, identity) => directory.Authorise(key, identity) ?? unknown(key, identity);
        var manager = new ConnectionManager(local, authorise, dialer, options);
        LinkKind kind = socks is null ? LinkKind.DirectTcp : LinkKind.Onion;
        var listener = new TcpLinkListener(new IPEndPoint(IPAddress.Loopback, 0), kind, manager.AcceptInboundAsync);
        listener.Start();
        var links = new TransportDeviceLinks(manager, directory, new PeerAddressing(Direct: socks is null));
        return new PeerNetwork(localStatic, options, listener, manager, directory, links, dialer);
    }

    /// <summary>Stops accepting, closes every link and zeroes the static key.</summary>
    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync().ConfigureAwait(false);
        await Manager.DisposeAsync().ConfigureAwait(false);
        _static.Dispose();
    }

    /// <summary>The listener and the manager; never a key.</summary>
    public override string ToString() => $"PeerNetwork({_listener}, {Manager})";
}
