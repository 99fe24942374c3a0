using System.Net;
using System.Net.Sockets;

namespace Kith.Node.Peers;

/// <summary>
/// The loopback port peers reach this device on: tor forwards the onion service's <see cref="OnionVirtualPort"/> here,
/// and in direct mode peers dial it. Kith.Transport (written in parallel) takes these connections over; until the
/// node is wired to it, each connection is closed at once, so nothing unauthenticated is ever read.
/// </summary>
internal sealed class PeerListener : IAsyncDisposable
{
    /// <summary>The onion service's virtual port listed in this device's record (any fixed port works; peers read it from the record).</summary>
    public const ushort OnionVirtualPort = 7777;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private PeerListener(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync();
    }

    /// <summary>Where it listens (127.0.0.1 and a port the OS chose).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Listens on 127.0.0.1 only: peers come through tor's loopback forward, or are local in direct mode.</summary>
    public static PeerListener Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new PeerListener(listener);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using Socket socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.Close();
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
