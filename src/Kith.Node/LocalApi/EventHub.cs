using System.Threading.Channels;
using Kith.Api.Events;
using Kith.Primitives;

namespace Kith.Node.LocalApi;

/// <summary>
/// Fans node events out to live-stream readers. Each reader has a bounded queue that drops its oldest event when
/// full (<see cref="Limits.ApiEventQueueLength"/>): the node never waits for a client, and a reader sees the gap in
/// <see cref="NodeEvent.Sequence"/>.
/// </summary>
internal sealed class EventHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<NodeEvent>> _readers = [];
    private long _sequence;

    /// <summary>Readers now.</summary>
    public int ReaderCount
    {
        get
        {
            lock (_gate)
            {
                return _readers.Count;
            }
        }
    }

    /// <summary>Numbers the event <paramref name="create"/> builds and queues it for every reader.</summary>
    public void Publish(Func<long, NodeEvent> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            NodeEvent item = create(++_sequence);
            foreach (Channel<NodeEvent> reader in _readers)
            {
                reader.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>A new reader, or null when <see cref="Limits.ApiMaxEventStreams"/> are open.</summary>
    public EventReader? Subscribe()
    {
        var channel = Channel.CreateBounded<NodeEvent>(new BoundedChannelOptions(Limits.ApiEventQueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_readers.Count >= Limits.ApiMaxEventStreams)
            {
                return null;
            }

            _readers.Add(channel);
        }

        return new EventReader(channel.Reader, () =>
        {
            lock (_gate)
            {
                _readers.Remove(channel);
            }
        });
    }
}

/// <summary>One live-stream reader's queue; disposing it unsubscribes.</summary>
internal sealed class EventReader(ChannelReader<NodeEvent> reader, Action unsubscribe) : IDisposable
{
    /// <summary>The events, as they come.</summary>
    public IAsyncEnumerable<NodeEvent> ReadAllAsync(CancellationToken cancellationToken) => reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => unsubscribe();
}
