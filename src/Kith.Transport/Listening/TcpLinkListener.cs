using System.Net;
using System.Net.Sockets;

namespace Kith.Transport.Listening;

/// <summary>
/// Accepts TCP connections and hands each stream, still unauthenticated, to a handler (the
/// <see cref="Connections.ConnectionManager"/>, which bounds and authenticates them). Two uses:
/// <list type="bullet">
/// <item>the onion listener: bound to 127.0.0.1, the target of tor's <c>ADD_ONION ... Port=VIRTPORT,127.0.0.1:PORT</c>
/// mapping, so every connection really comes from a peer through tor (<see cref="LinkKind.Onion"/>);</item>
/// <item>the direct listener (<see cref="LinkKind.DirectTcp"/>, NOT ANONYMOUS) for development and LAN use.</item>
/// </list>
/// The listener itself holds no per-connection state: a connection costs nothing here beyond its socket.
/// </summary>
public sealed class TcpLinkListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<Stream, LinkKind, Task> _onConnection;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    /// <summary>Creates a listener on <paramref name="endPoint"/>; call <see cref="Start"/>.</summary>
    /// <param name="endPoint">Where to listen; for <see cref="LinkKind.Onion"/> it must be loopback (tor forwards to it).</param>
    /// <param name="kind">The kind of link every connection here is.</param>
    /// <param name="onConnection">Takes ownership of each accepted stream.</param>
    /// <exception cref="ArgumentException">An onion listener on a non-loopback address.</exception>
    public TcpLinkListener(IPEndPoint endPoint, LinkKind kind, Func<Stream, LinkKind, Task> onConnection)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (kind == LinkKind.Onion && !IPAddress.IsLoopback(endPoint.Address))
        {
            // Reachable from outside, an "onion" port would let anyone bypass tor and learn this host's address.
            throw new ArgumentException("The onion listener binds to loopback only; tor forwards to it.", nameof(endPoint));
        }

        _listener = new TcpListener(endPoint);
        Kind = kind;
        _onConnection = onConnection ?? throw new ArgumentNullException(nameof(onConnection));
    }

    /// <summary>The kind of link this listener accepts.</summary>
    public LinkKind Kind { get; }

    /// <summary>The bound address and port (the port is known once started, also when 0 was asked for).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Starts accepting.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Stops accepting; connections already handed over stay with the handler.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Kind and port; direct listeners say NOT ANONYMOUS.</summary>
    public override string ToString() =>
        $"TcpLinkListener({(Kind == LinkKind.Onion ? "onion" : "direct TCP, NOT ANONYMOUS")}, {EndPoint})";

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                // A connection reset before it was accepted: nothing to do but take the next one.
                continue;
            }

            socket.NoDelay = true;
            _ = _onConnection(new NetworkStream(socket, ownsSocket: true), Kind);
        }
    }
}
