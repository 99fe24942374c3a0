using System.Net;
using System.Net.Sockets;
using Kith.Primitives.Errors;

namespace Kith.Tor.Socks;

/// <summary>
/// Opens raw TCP streams through tor's SocksPort (RFC 1928 CONNECT, RFC 1929 username/password for circuit
/// isolation). Names are always sent unresolved, so <c>.onion</c> names never touch DNS. Only loopback proxies are
/// accepted: SOCKS5 is unencrypted, and tor's SocksPort never leaves the machine.
/// </summary>
public static class Socks5Client
{
    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> through the proxy; the stream is the caller's.</summary>
    public static async Task<Result<Stream>> ConnectAsync(
        IPEndPoint proxy, string host, int port, Socks5Credentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        if (!IPAddress.IsLoopback(proxy.Address))
        {
            throw new ArgumentException("Kith uses SOCKS proxies on loopback only.", nameof(proxy));
        }

        var request = Socks5Messages.ConnectRequest(host, port);
        var socket = new Socket(proxy.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var stream = (Stream?)null;
        try
        {
            await socket.ConnectAsync(proxy, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            var handshake = await HandshakeAsync(stream, request, credentials, cancellationToken).ConfigureAwait(false);
            if (!handshake.IsOk)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                return handshake.Error;
            }

            return stream;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return Socks5Errors.ProxyUnreachable;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the client's handshake on an already connected <paramref name="stream"/>; on success the stream carries
    /// the tunnelled bytes. Reads exactly the bytes of each reply and never more.
    /// </summary>
    public static Task<Result<Unit>> HandshakeAsync(
        Stream stream, string host, int port, Socks5Credentials? credentials, CancellationToken cancellationToken) =>
        HandshakeAsync(stream, Socks5Messages.ConnectRequest(host, port), credentials, cancellationToken);

    private static async Task<Result<Unit>> HandshakeAsync(
        Stream stream, byte[] connectRequest, Socks5Credentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var withCredentials = credentials is not null;
        var buffer = new byte[256 + 2];
        try
        {
            await stream.WriteAsync(Socks5Messages.Greeting(withCredentials), cancellationToken).ConfigureAwait(false);
            await stream.ReadExactlyAsync(buffer.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
            var method = Socks5Messages.CheckMethodSelection(buffer.AsSpan(0, 2), withCredentials);
            if (!method.IsOk)
            {
                return method.Error;
            }

            if (credentials is not null)
            {
                await stream.WriteAsync(Socks5Messages.UsernamePasswordRequest(credentials), cancellationToken).ConfigureAwait(false);
                await stream.ReadExactlyAsync(buffer.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
                var auth = Socks5Messages.CheckUsernamePasswordReply(buffer.AsSpan(0, 2));
                if (!auth.IsOk)
                {
                    return auth.Error;
                }
            }

            await stream.WriteAsync(connectRequest, cancellationToken).ConfigureAwait(false);
            await stream.ReadExactlyAsync(buffer.AsMemory(0, Socks5Messages.ReplyHeaderSize), cancellationToken).ConfigureAwait(false);
            var header = Socks5Messages.ReadReplyHeader(buffer.AsSpan(0, Socks5Messages.ReplyHeaderSize));
            if (!header.TryGet(out var rest, out var error))
            {
                return error;
            }

            if (rest < 0)
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
                rest = buffer[0] + 2;
            }

            await stream.ReadExactlyAsync(buffer.AsMemory(0, rest), cancellationToken).ConfigureAwait(false);
            return Result.Ok();
        }
        catch (EndOfStreamException)
        {
            return Socks5Errors.Truncated;
        }
        catch (IOException)
        {
            return Socks5Errors.Truncated;
        }
    }
}
