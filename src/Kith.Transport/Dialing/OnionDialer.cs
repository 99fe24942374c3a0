using System.Net;
using System.Net.Sockets;
using Kith.Primitives.Errors;
using Kith.Tor.Socks;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Wire.Onion;

namespace Kith.Transport.Dialing;

/// <summary>
/// Dials peers' onion services through tor's SocksPort (RFC 1928 CONNECT with the <c>.onion</c> name unresolved),
/// then runs the link handshake inside the tunnel. Each peer gets its own SOCKS username, so tor keeps each peer's
/// streams on their own circuits (tor-manual <c>IsolateSOCKSAuth</c>) and an observer of one circuit cannot link two
/// contacts of this device.
/// </summary>
public sealed class OnionDialer : ILinkDialer
{
    private readonly LinkKeys _local;
    private readonly LinkOptions _options;
    private readonly Func<CancellationToken, Task<Stream>> _openProxy;

    /// <summary>Dials through tor's SOCKS port at <paramref name="socksProxy"/> (loopback only).</summary>
    /// <param name="local">This device's static key pair (stays the caller's) and identity payload.</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="socksProxy">tor's SocksPort.</param>
    /// <exception cref="ArgumentException">The proxy is not on loopback.</exception>
    public OnionDialer(LinkKeys local, LinkOptions options, IPEndPoint socksProxy)
        : this(local, options, OpenTcp(socksProxy))
    {
    }

    /// <summary>Dials through a proxy stream that <paramref name="openProxy"/> opens (tests play tor's side on a pipe).</summary>
    /// <param name="local">This device's static key pair (stays the caller's) and identity payload.</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="openProxy">Opens a fresh connection to tor's SOCKS port; may throw <see cref="IOException"/> or <see cref="SocketException"/>.</param>
    public OnionDialer(LinkKeys local, LinkOptions options, Func<CancellationToken, Task<Stream>> openProxy)
    {
        _local = local ?? throw new ArgumentNullException(nameof(local));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _openProxy = openProxy ?? throw new ArgumentNullException(nameof(openProxy));
    }

    /// <summary>The SOCKS username that isolates <paramref name="address"/>'s circuits: one per peer device.</summary>
    public static string IsolationUsername(PeerAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return "kith-" + address.Peer;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The address is not an onion one.</exception>
    public async Task<Result<PeerLink>> DialAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind != LinkKind.Onion)
        {
            throw new ArgumentException("OnionDialer dials onion addresses only.", nameof(address));
        }

        if (!OnionAddress.Parse(address.Host).TryGet(out OnionAddress? onion, out KithError? badAddress))
        {
            return badAddress;
        }

        Stream proxy;
        try
        {
            proxy = await _openProxy(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return Socks5Errors.ProxyUnreachable;
        }

        // Tor may take tens of seconds to build a rendezvous circuit; the SOCKS reply arrives only then. That wait is
        // bounded by the caller's token (the connection manager's backoff), not by the handshake timeout.
        Result<Primitives.Errors.Unit> tunnel;
        try
        {
            tunnel = await Socks5Client.HandshakeAsync(proxy, onion.HostName, address.Port,
                Socks5Credentials.ForIsolation(IsolationUsername(address)), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            tunnel = TransportErrors.LocalClose;
        }

        if (!tunnel.IsOk)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            return tunnel.Error;
        }

        return await LinkHandshake.DialAsync(proxy, LinkKind.Onion, _local, address.Peer, address.StaticPublicKey,
            _options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says what it is; never a key.</summary>
    public override string ToString() => "OnionDialer(tor SOCKS)";

    private static Func<CancellationToken, Task<Stream>> OpenTcp(IPEndPoint socksProxy)
    {
        ArgumentNullException.ThrowIfNull(socksProxy);
        if (!IPAddress.IsLoopback(socksProxy.Address))
        {
            throw new ArgumentException("tor's SOCKS port is on loopback.", nameof(socksProxy));
        }

        return async cancellationToken =>
        {
            var socket = new Socket(socksProxy.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(socksProxy, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
