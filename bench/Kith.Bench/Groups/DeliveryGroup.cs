using System.Text;
using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Engine.Delivery;
using Kith.Engine.Links;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Storage.Database;
using Kith.Storage.Stores;

namespace Kith.Bench.Groups;

/// <summary>
/// The engine's delivery cost without a network (issue 5): two <see cref="DeliveryEngine"/>s, each on its own
/// encrypted SQLite store (WAL, <c>synchronous = FULL</c>) in a temporary folder, joined by an in-process
/// link. One message is: the sender's step that enqueues it, the step that records the attempt, the
/// receiver's step that applies it with its inbox record, and the sender's step that records the ack: four
/// commits, each an fsync. The burst figure enqueues <see cref="BurstSize"/> messages in one step first.
/// </summary>
public sealed class DeliveryGroup : IBenchmarkGroup
{
    /// <summary>Messages enqueued in one application step in the burst figure.</summary>
    public const int BurstSize = 100;

    /// <inheritdoc/>
    public string Name => "delivery";

    /// <inheritdoc/>
    public string Description => "engine delivery on SQLite: enqueue -> send -> apply + inbox -> ack, one by one and in bursts";

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DirectoryInfo folder = Directory.CreateTempSubdirectory("kith-bench-delivery-");
        try
        {
            using KithDatabase senderDb = Create(Path.Combine(folder.FullName, "sender"));
            using KithDatabase receiverDb = Create(Path.Combine(folder.FullName, "receiver"));
            var links = new Wire();
            DeviceId sender = Device(1), receiver = Device(2);
            using var senderEngine = new DeliveryEngine(new SqliteStepRunner(senderDb), links.Open(sender), new Accept(), new NoSync(),
                TimeProvider.System, SystemRandomSource.Instance);
            using var receiverEngine = new DeliveryEngine(new SqliteStepRunner(receiverDb), links.Open(receiver), new Accept(), new NoSync(),
                TimeProvider.System, SystemRandomSource.Instance);
            senderEngine.Start();
            receiverEngine.Start();
            links.Connect(sender, receiver);
            byte[] payload = new byte[200];
            long next = 0;

            Measurement single = context.Measure("one message: enqueue, send, apply + inbox, ack (4 commits)", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    EventId item = Item(next++);
                    senderEngine.Step(step => step.Enqueue(item, 1, [new OutboundCopy(receiver, payload)]));
                    links.Pump();
                }
            });
            context.Report("delivery_roundtrip_per_s", single.PerSecond, "msgs/s");

            Measurement burst = context.Measure($"{BurstSize} messages enqueued in one step, then delivered", count =>
            {
                for (long done = 0; done < count;)
                {
                    int batch = (int)Math.Min(BurstSize, count - done);
                    long first = next;
                    senderEngine.Step(step =>
                    {
                        for (int j = 0; j < batch; j++)
                        {
                            step.Enqueue(Item(first + j), 1, [new OutboundCopy(receiver, payload)]);
                        }

                        return batch;
                    });
                    next += batch;
                    links.Pump();
                    done += batch;
                }
            });
            context.Report("delivery_burst_per_s", burst.PerSecond, "msgs/s");

            if (senderEngine.PendingCount() != 0)
            {
                throw new InvalidOperationException("Messages were left unacknowledged while being measured.");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static KithDatabase Create(string folder) =>
        KithDatabase.Create(folder, Encoding.UTF8.GetBytes("bench passphrase"), new KithDatabaseOptions { Random = SystemRandomSource.Instance }).Value;

    private static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static EventId Item(long n)
    {
        byte[] id = new byte[Id32.Size];
        BitConverter.TryWriteBytes(id, n);
        return EventId.FromBytes(id);
    }

    private sealed class Accept : IInboundHandler
    {
        public Result<Unit> Apply(InboundItem item, StepContext context) => Result.Ok();
    }

    private sealed class NoSync : ISyncHandler
    {
        public void Connected(DeviceId device)
        {
        }

        public void Received(DeviceId device, ReadOnlyMemory<byte> message)
        {
        }
    }

    /// <summary>In-process links: frames queue until <see cref="Pump"/>, so no engine is re-entered.</summary>
    private sealed class Wire
    {
        private readonly Dictionary<DeviceId, End> _ends = [];
        private readonly Queue<(DeviceId From, DeviceId To, byte[] Frame)> _queue = new();

        public IDeviceLinks Open(DeviceId self) => _ends[self] = new End(this, self);

        public void Connect(DeviceId a, DeviceId b)
        {
            _ends[a].Observer!.Connected(b);
            _ends[b].Observer!.Connected(a);
        }

        public void Pump()
        {
            while (_queue.TryDequeue(out var frame))
            {
                _ends[frame.To].Observer!.Received(frame.From, frame.Frame);
            }
        }

        public sealed class End(Wire wire, DeviceId self) : IDeviceLinks
        {
            public IDeviceLinkObserver? Observer { get; private set; }

            public bool Send(DeviceId device, ReadOnlyMemory<byte> frame)
            {
                wire._queue.Enqueue((self, device, frame.ToArray()));
                return true;
            }

            public void Subscribe(IDeviceLinkObserver observer) => Observer = observer;
        }
    }
}
