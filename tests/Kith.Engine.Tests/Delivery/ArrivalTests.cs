using Kith.Engine.Delivery;
using Kith.Engine.Links;
using Kith.Engine.Tests.Support;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Storage;
using Kith.Wire.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>
/// Frames that arrive while the engine handles earlier ones are taken together (issue 4: one commit for what
/// arrived together): a device's consecutive sync messages reach the application as one run, in order.
/// </summary>
public sealed class ArrivalTests : IDisposable
{
    private static readonly DeviceId Peer = Node.Device(9);
    private static readonly DeviceId OtherPeer = Node.Device(8);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly ManualLinks _links = new();
    private readonly RunRecordingSync _sync = new();
    private readonly DeliveryEngine _engine;

    public ArrivalTests()
    {
        _engine = new DeliveryEngine(new InMemoryStepRunner(), _links, new RecordingHandler(), _sync, _time,
            new Kith.Crypto.SeededRandomSource(1));
        _engine.Start();
    }

    public void Dispose() => _engine.Dispose();

    private static byte[] Sync(int n) => new SyncFrame([(byte)n]).Encode();

    [Fact]
    public void A_lone_frame_is_handled_at_once_on_the_callers_thread()
    {
        _links.Observer!.Received(Peer, Sync(1));

        Assert.Equal([[1]], _sync.Runs.Select(r => r.Messages));
    }

    [Fact]
    public void Sync_messages_arriving_while_one_is_handled_reach_the_application_as_one_run_in_order()
    {
        // While the first message is handled, the link delivers three more from the peer, one from another peer and
        // two more from the peer: they queue, and the engine hands them over as runs per consecutive device.
        _sync.OnFirst = () =>
        {
            foreach ((DeviceId from, int n) in new[] { (Peer, 2), (Peer, 3), (Peer, 4), (OtherPeer, 5), (Peer, 6), (Peer, 7) })
            {
                _links.Observer!.Received(from, Sync(n));
            }
        };

        _links.Observer!.Received(Peer, Sync(1));

        Assert.Equal([(Peer, [1]), (Peer, [2, 3, 4]), (OtherPeer, [5]), (Peer, [6, 7])],
            _sync.Runs.Select(r => (r.From, r.Messages)));
    }

    [Fact]
    public void A_handler_that_throws_ends_the_drain_and_the_next_frame_resumes_it_in_order()
    {
        _sync.OnFirst = () =>
        {
            _links.Observer!.Received(Peer, Sync(2));
            throw new InvalidOperationException("handler failed");
        };

        Assert.Throws<InvalidOperationException>(() => _links.Observer!.Received(Peer, Sync(1)));
        _links.Observer!.Received(Peer, Sync(3));

        // 1 was being handled when it threw; 2 waited and comes before 3.
        Assert.Equal([[1], [2, 3]], _sync.Runs.Select(r => r.Messages));
    }

    [Fact]
    public void A_frame_from_another_thread_waits_for_room_takes_the_drain_over_and_is_never_lost_or_reordered()
    {
        int sent = (2 * Limits.MaxInboundQueuedFrames) + 5;
        _sync.OnFirst = () =>
        {
            // Another link's thread delivers more than the queue holds while this thread drains: it waits for room.
            var producer = new Thread(() =>
            {
                for (int n = 2; n <= sent; n++)
                {
                    _links.Observer!.Received(OtherPeer, Sync(n));
                }
            });
            producer.Start();

            // The producer blocks only once the queue is full; until this handler returns, nothing takes from it.
            Assert.True(SpinWait.SpinUntil(() => producer.ThreadState.HasFlag(ThreadState.WaitSleepJoin), TimeSpan.FromSeconds(30)));
        };

        _links.Observer!.Received(Peer, Sync(1));
        Assert.True(SpinWait.SpinUntil(() => _sync.Runs.Sum(r => r.Messages.Length) == sent, TimeSpan.FromSeconds(30)));

        int[] handled = [.. _sync.Runs.SelectMany(r => r.Messages)];
        Assert.Equal(Enumerable.Range(1, sent), handled);

        // The waiting producer took the drain over (so this thread's own link is read again), and its first run was
        // the full queue plus its own frame.
        Assert.NotEqual(Environment.CurrentManagedThreadId, _sync.Runs[1].Thread);
        Assert.Equal(Limits.MaxInboundQueuedFrames + 1, _sync.Runs[1].Messages.Length);
        Assert.All(_sync.Runs, r => Assert.True(r.Messages.Length <= Limits.MaxInboundQueuedFrames + 1));
    }

    /// <summary>Links the test drives by hand.</summary>
    private sealed class ManualLinks : IDeviceLinks
    {
        public IDeviceLinkObserver? Observer { get; private set; }

        public bool Send(DeviceId device, ReadOnlyMemory<byte> frame) => false;

        public void Subscribe(IDeviceLinkObserver observer) => Observer = observer;
    }

    /// <summary>Records each hand-over as a run (its messages' first bytes).</summary>
    private sealed class RunRecordingSync : ISyncHandler
    {
        private readonly Lock _lock = new();
        private readonly List<(DeviceId From, int[] Messages, int Thread)> _runs = [];

        public Action? OnFirst { get; set; }

        public List<(DeviceId From, int[] Messages, int Thread)> Runs
        {
            get
            {
                lock (_lock)
                {
                    return [.. _runs];
                }
            }
        }

        public void Connected(DeviceId device)
        {
        }

        public void Received(DeviceId device, ReadOnlyMemory<byte> message) => Record(device, [message]);

        public void ReceivedTogether(DeviceId device, IReadOnlyList<ReadOnlyMemory<byte>> messages) => Record(device, messages);

        private void Record(DeviceId device, IReadOnlyList<ReadOnlyMemory<byte>> messages)
        {
            lock (_lock)
            {
                _runs.Add((device, [.. messages.Select(m => (int)m.Span[0])], Environment.CurrentManagedThreadId));
            }

            Action? first = OnFirst;
            OnFirst = null;
            first?.Invoke();
        }
    }
}
