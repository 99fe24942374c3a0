using System.Net.Sockets;
using Kith.Primitives.Errors;
using Kith.Transport.Handshake;
using Kith.Transport.Links;

namespace Kith.Transport.Dialing;

/// <summary>
/// Dials peers over plain TCP, for development and LAN use. NOT ANONYMOUS: the peer learns this device's IP address
/// and anyone on the path sees who talks to whom (the content is still Noise-encrypted and authenticated). Links it
/// makes are <see cref="LinkKind.DirectTcp"/> and say so in their <see cref="PeerLink.ToString"/>.
/// </summary>
/// <param name="local">This device's static key pair (stays the caller's) and identity payload.</param>
/// <param name="options">Clock, randomness and timeouts; connecting counts against the handshake timeout.</param>
public sealed class DirectTcpDialer(LinkKeys local, LinkOptions options) : ILinkDialer
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The address is not a direct TCP one.</exception>
    public async Task<Result<PeerLink>> DialAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind != LinkKind.DirectTcp)
        {
            throw new ArgumentException("DirectTcpDialer dials direct TCP addresses only.", nameof(address));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HandshakeTimeoutMs), options.Time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                await socket.ConnectAsync(address.Host, address.Port, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                return timeout.IsCancellationRequested ? TransportErrors.HandshakeTimeout
                    : cancellationToken.IsCancellationRequested ? TransportErrors.LocalClose
                    : TransportErrors.ConnectFailed;
            }
        }

        return await LinkHandshake.DialAsync(new NetworkStream(socket, ownsSocket: true), LinkKind.DirectTcp, local,
            address.Peer, address.StaticPublicKey, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says what it is; never a key.</summary>
    public override string ToString() => "DirectTcpDialer(NOT ANONYMOUS)";
}
