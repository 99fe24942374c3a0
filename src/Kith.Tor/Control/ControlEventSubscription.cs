using System.Threading.Channels;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// Asynchronous events (control-spec §4.1) of the kinds one subscriber asked for, in the order tor sent them.
/// At most <see cref="Limits.TorControlEventQueueLength"/> wait unread; a subscriber that falls further behind
/// is ended with <see cref="ControlErrors.EventsOverflowed"/> rather than silently miss events.
/// </summary>
public sealed class ControlEventSubscription : IAsyncDisposable
{
    private readonly Channel<ControlReply> _channel = Channel.CreateBounded<ControlReply>(
        new BoundedChannelOptions(Limits.TorControlEventQueueLength) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Func<ControlEventSubscription, ValueTask> _unsubscribe;
    private int _disposed;

    internal ControlEventSubscription(IReadOnlySet<string> eventNames, Func<ControlEventSubscription, ValueTask> unsubscribe)
    {
        EventNames = eventNames;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The event keywords delivered (<c>HS_DESC</c>, <c>STATUS_CLIENT</c>, ...).</summary>
    public IReadOnlySet<string> EventNames { get; }

    /// <summary>The events; completes when the subscription or the connection ends.</summary>
    public ChannelReader<ControlReply> Events => _channel.Reader;

    private KithError? _error;

    /// <summary>Why the event stream ended early, or <c>null</c> while it runs or after a normal dispose.</summary>
    public KithError? Error => Volatile.Read(ref _error);

    /// <summary>Reads the next event, or the reason none will come.</summary>
    public async ValueTask<Result<ControlReply>> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_channel.Reader.TryRead(out var reply))
            {
                return reply;
            }
        }

        return Error ?? ControlErrors.Closed;
    }

    internal void Deliver(ControlReply reply)
    {
        if (!_channel.Writer.TryWrite(reply))
        {
            End(ControlErrors.EventsOverflowed);
        }
    }

    // The first reason wins: the reader thread (overflow, close) and a disposing caller may race here.
    internal void End(KithError? error)
    {
        if (error is not null)
        {
            Interlocked.CompareExchange(ref _error, error, null);
        }

        _channel.Writer.TryComplete();
    }

    /// <summary>Stops delivery and tells tor (without waiting for its answer) to stop sending events nobody else asked for.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            End(null);
            await _unsubscribe(this).ConfigureAwait(false);
        }
    }
}
