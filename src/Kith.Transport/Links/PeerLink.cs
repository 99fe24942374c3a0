using System.Threading.Channels;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Noise;
using Kith.Transport.Framing;

namespace Kith.Transport.Links;

/// <summary>
/// An authenticated duplex link to one peer device: the transport phase of a finished Noise handshake (see
/// <see cref="Handshake.LinkHandshake"/>) over a byte stream. Frames of up to <see cref="Limits.LinkMaxFrameLength"/>
/// bytes go in and come out whole; on the wire they are chunks of Noise transport messages (<see cref="ChunkHeader"/>)
/// behind 16-bit length prefixes (<see cref="LengthPrefix"/>).
/// </summary>
/// <remarks>
/// <para><b>Failure drops the link.</b> A bad length, a failed tag or a bad chunk closes it with that reason in
/// <see cref="Completion"/>; nothing throws on peer bytes. A rejected Noise message leaves the nonce unchanged, but
/// a stream cannot resynchronise after one, so there is no point going on.</para>
/// <para><b>Bounded memory.</b> One 64 KiB receive buffer, one frame being assembled (at most
/// <see cref="Limits.LinkMaxFrameLength"/>) and at most <see cref="Limits.LinkSendQueueFrames"/> queued frames.</para>
/// <para>One receiver at a time; any number of senders.</para>
/// </remarks>
public sealed partial class PeerLink : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly NoiseTransport _noise;
    private readonly byte[] _remoteStatic;
    private readonly Channel<byte[]?> _sendQueue;
    private readonly ITimer _keepaliveTimer;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<KithError> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _idleTimer;
    private readonly TimeSpan _idleTimeout;
    private readonly Task _writer;
    private readonly TimeProvider _time;
    private long _lastReceivedTicks;

    internal PeerLink(Stream stream, NoiseTransport noise, DeviceId peer, LinkKind kind, LinkOptions options)
    {
        _stream = stream;
        _noise = noise;
        _remoteStatic = noise.RemoteStaticPublicKey.ToArray();
        Peer = peer;
        Kind = kind;
        IsInitiator = noise.Role == NoiseRole.Initiator;
        _time = options.Time;
        EstablishedAt = options.Time.GetUtcNow();
        _sendQueue = Channel.CreateBounded<byte[]?>(new BoundedChannelOptions(Limits.LinkSendQueueFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _idleTimeout = TimeSpan.FromMilliseconds(options.IdleTimeoutMs);
        _idleTimer = options.Time.CreateTimer(_ => Close(TransportErrors.IdleTimeout), null, _idleTimeout, Timeout.InfiniteTimeSpan);
        _lastReceivedTicks = EstablishedAt.UtcTicks;
        // null in the queue means "keepalive"; if the queue is full, frames are flowing and none is needed.
        TimeSpan keepalive = TimeSpan.FromMilliseconds(options.KeepaliveIntervalMs);
        _keepaliveTimer = options.Time.CreateTimer(_ => _sendQueue.Writer.TryWrite(null), null, keepalive, keepalive);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The authenticated peer device.</summary>
    public DeviceId Peer { get; }

    /// <summary>How the link reaches the peer.</summary>
    public LinkKind Kind { get; }

    /// <summary>False for direct TCP: the peer knows this device's IP address.</summary>
    public bool IsAnonymous => Kind == LinkKind.Onion;

    /// <summary>Whether this side dialled (Noise initiator).</summary>
    public bool IsInitiator { get; }

    /// <summary>When the handshake finished, by the injected clock.</summary>
    public DateTimeOffset EstablishedAt { get; }

    /// <summary>When the last message (frame chunk or keepalive) arrived, by the injected clock.</summary>
    public DateTimeOffset LastReceivedAt => new(Interlocked.Read(ref _lastReceivedTicks), TimeSpan.Zero);

    /// <summary>The peer's X25519 static key, authenticated by the handshake.</summary>
    public ReadOnlySpan<byte> RemoteStaticPublicKey => _remoteStatic;

    /// <summary>Completes with the reason once the link is closed, by either side or by a failure.</summary>
    public Task<KithError> Completion => _closed.Task;

    /// <summary>Whether the link is closed.</summary>
    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>
    /// Closes the link with <paramref name="reason"/> (the first reason wins) and releases the stream. Frames still
    /// queued are dropped: delivery is the engine's job (its outbox resends until acknowledged).
    /// </summary>
    public void Close(KithError reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!_closed.TrySetResult(reason))
        {
            return;
        }

        _sendQueue.Writer.TryComplete();
        _closing.Cancel();
        _idleTimer.Dispose();
        _keepaliveTimer.Dispose();
        _stream.Dispose();
    }

    /// <summary>Closes the link, waits for its writer to stop and zeroes the Noise keys.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(TransportErrors.LocalClose);
        await _writer.ConfigureAwait(false);
        _noise.Dispose();
        _closing.Dispose();
    }

    /// <summary>Kind (direct links say NOT ANONYMOUS), peer and role; never a key.</summary>
    public override string ToString() =>
        $"PeerLink({(IsAnonymous ? "onion" : "direct TCP, NOT ANONYMOUS")}, peer {Peer}, {(IsInitiator ? "dialled" : "accepted")}{(IsClosed ? ", closed" : "")})";

    private KithError Fail(KithError reason)
    {
        Close(reason);
        return _closed.Task.Result;
    }

    private void ResetIdleTimer()
    {
        Interlocked.Exchange(ref _lastReceivedTicks, _time.GetUtcNow().UtcTicks);
        try
        {
            _idleTimer.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed concurrently; the close reason is already set.
        }
    }
}
