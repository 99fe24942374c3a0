using System.Net;
using System.Net.Sockets;

namespace Kith.Node.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a node's listener, for link codes re-pointed at it (<see cref="LinkCodes.Via"/>).
/// Its port is reserved but not listening until <see cref="Start"/> (a new device not reachable yet); once started
/// it forwards both ways, can swallow what the dialler sends (<see cref="SwallowToTarget"/>) and can cut every
/// connection at a moment the test chooses (<see cref="Cut"/>), so a drop happens at a known step, not by timing.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private long _forwarded;
    private volatile bool _swallow;

    private TcpRelay(IPEndPoint target, int port) => (_target, Port) = (target, port);

    /// <summary>The relay's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Bytes from the dialler that reached the target so far.</summary>
    public long ForwardedToTarget => Interlocked.Read(ref _forwarded);

    /// <summary>A relay to <paramref name="target"/> on a free port, not listening yet (a dial there is refused).</summary>
    public static TcpRelay Reserve(IPEndPoint target)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TcpRelay(target, port);
    }

    /// <summary>Starts listening and relaying.</summary>
    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>From now on, bytes from the dialler are read and dropped (the other way still flows).</summary>
    public void SwallowToTarget() => _swallow = true;

    /// <summary>Closes every relayed connection; new ones are still relayed.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            foreach (TcpClient client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient dialler = await listener.AcceptTcpClientAsync(_stop.Token);
            var target = new TcpClient();
            await target.ConnectAsync(_target, _stop.Token);
            lock (_gate)
            {
                _open.Add(dialler);
                _open.Add(target);
            }

            _ = PumpAsync(dialler, target, toTarget: true);
            _ = PumpAsync(target, dialler, toTarget: false);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool toTarget)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.GetStream().ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (toTarget && _swallow)
                {
                    continue;
                }

                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (toTarget)
                {
                    Interlocked.Add(ref _forwarded, read);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut, or the other end closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
