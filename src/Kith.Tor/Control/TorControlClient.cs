using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>Fills a buffer with random bytes; tests pass a fixed source to check SAFECOOKIE bytes exactly.</summary>
/// <param name="buffer">The bytes to fill.</param>
public delegate void RandomFill(Span<byte> buffer);

/// <summary>
/// A client of tor's control port (control-spec §2–§4) over any duplex <see cref="Stream"/>. Commands may be sent
/// concurrently; tor answers them in order (§2.1), so replies are matched first-in first-out. Asynchronous
/// events (§2.4, status 650) go to the <see cref="ControlEventSubscription"/>s that asked for them.
/// </summary>
/// <remarks>
/// The reply stream is framed by <see cref="ControlReplyParser"/>, so a hostile or broken tor can cost at most its
/// bounded buffers. The first framing error, or the end of the stream, closes the connection and fails every
/// waiting command with a <see cref="KithError"/>.
/// </remarks>
public sealed partial class TorControlClient : IAsyncDisposable
{
    private const int ReadBufferSize = 4096;

    private readonly Stream _stream;
    private readonly RandomFill _random;
    private readonly ControlReplyParser _parser = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _eventsLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource<Result<ControlReply>>> _pending = new();
    private readonly List<ControlEventSubscription> _subscriptions = [];
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _readLoop;
    private KithError? _closeReason;

    /// <summary>Starts a client over <paramref name="stream"/>, which it owns from now on.</summary>
    public TorControlClient(Stream stream)
        : this(stream, RandomNumberGenerator.Fill)
    {
    }

    /// <summary>Starts a client over <paramref name="stream"/> with the given randomness for SAFECOOKIE nonces.</summary>
    public TorControlClient(Stream stream, RandomFill random)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Why the connection closed, or <c>null</c> while it is open.</summary>
    public KithError? CloseReason
    {
        get
        {
            lock (_gate)
            {
                return _closeReason;
            }
        }
    }

    /// <summary>Completes when the connection has closed, for whatever reason.</summary>
    public Task Completion => _readLoop;

    /// <summary>Connects to a control port on a loopback address (tor's control port must never be remote).</summary>
    public static async Task<Result<TorControlClient>> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            throw new ArgumentException("Kith talks to tor's control port on loopback only.", nameof(endPoint));
        }

        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new TorControlClient(new NetworkStream(socket, ownsSocket: true));
        }
        catch (SocketException)
        {
            socket.Dispose();
            return new KithError("tor.control.connect_failed", ErrorScope.Local, true, "Could not connect to tor's control port.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends one command line (control-spec §2.2; no CR or LF inside) and returns tor's reply, whatever its status.
    /// Cancelling stops the wait only: tor's answer is still read and discarded, so later replies stay matched.
    /// </summary>
    public async Task<Result<ControlReply>> SendAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A command is one line.", nameof(command));
        }

        var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
        var reply = new TaskCompletionSource<Result<ControlReply>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (_closeReason is not null)
                {
                    return _closeReason;
                }

                _pending.Enqueue(reply);
            }

            // Not cancellable by the caller: half a command would desynchronise the connection.
            await _stream.WriteAsync(bytes, _closing.Token).ConfigureAwait(false);
            await _stream.FlushAsync(_closing.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            Close(ControlErrors.Closed);
        }
        catch (Exception) when (_closing.IsCancellationRequested)
        {
            // We closed the stream under our own pending read (DisposeAsync): streams report that in their
            // own ways (a pipe says "reading is not allowed after reader was completed"); it is not a bug.
            Close(ControlErrors.Closed);
        }
        finally
        {
            _writeLock.Release();
        }

        return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a command and turns any non-2xx reply into <see cref="ControlErrors.CommandFailed"/>.</summary>
    private async Task<Result<ControlReply>> CommandAsync(string command, string name, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        if (!sent.TryGet(out var reply, out var error))
        {
            return error;
        }

        return reply.IsSuccess ? reply : ControlErrors.CommandFailed(name, reply.Status);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[ReadBufferSize];
        var completed = new List<ControlReply>();
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _closing.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    var finish = _parser.Finish();
                    Close(finish.IsOk ? ControlErrors.Closed : finish.Error);
                    return;
                }

                completed.Clear();
                var fed = _parser.Feed(buffer.AsSpan(0, read), completed);
                foreach (var reply in completed)
                {
                    if (!Dispatch(reply))
                    {
                        Close(ControlErrors.UnexpectedReply);
                        return;
                    }
                }

                if (!fed.IsOk)
                {
                    Close(fed.Error);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            Close(ControlErrors.Closed);
        }
        catch (Exception) when (_closing.IsCancellationRequested)
        {
            // We closed the stream under our own pending read (DisposeAsync): streams report that in their
            // own ways (a pipe says "reading is not allowed after reader was completed"); it is not a bug.
            Close(ControlErrors.Closed);
        }
        catch
        {
            // A bug, not input: still release every waiter before surfacing it through Completion.
            Close(ControlErrors.Closed);
            throw;
        }
    }

    private bool Dispatch(ControlReply reply)
    {
        TaskCompletionSource<Result<ControlReply>>? waiter = null;
        lock (_gate)
        {
            if (reply.IsAsync)
            {
                var name = reply.FirstWord;
                foreach (var subscription in _subscriptions)
                {
                    if (subscription.EventNames.Contains(name))
                    {
                        subscription.Deliver(reply);
                    }
                }

                return true;
            }

            if (!_pending.TryDequeue(out waiter))
            {
                return false;
            }
        }

        waiter.TrySetResult(reply);
        return true;
    }

    private void Close(KithError reason)
    {
        List<TaskCompletionSource<Result<ControlReply>>> waiters;
        List<ControlEventSubscription> subscriptions;
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeReason = reason;
            waiters = [.. _pending];
            _pending.Clear();
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        _closing.Cancel();
        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(reason);
        }

        foreach (var subscription in subscriptions)
        {
            subscription.End(reason);
        }
    }

    /// <summary>Closes the connection (tor drops services made on it without <c>Detach</c>) and waits for the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(ControlErrors.Closed);
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // The semaphores are left to the collector: a command racing this dispose may still release one.
        _closing.Dispose();
    }
}
