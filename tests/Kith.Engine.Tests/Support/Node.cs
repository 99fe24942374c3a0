using Kith.Crypto;
using Kith.Engine.Delivery;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Protocol.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Support;

/// <summary>One device in a test: an engine over its own stores, links of a shared network, and recorders.</summary>
public sealed class Node : IDisposable
{
    public Node(byte id, LinkNetwork network, FakeTimeProvider time, IStepRunner? runner = null)
    {
        Id = Device(id);
        Runner = runner ?? new InMemoryStepRunner();
        Engine = new DeliveryEngine(Runner, network.Links(Id), Handler, Sync, time, new SeededRandomSource(id));
        Engine.DeliveryChanged += (_, e) => Changes.Add((e.Item, e.State));
        Engine.Faulted += (_, e) => Faults.Add(e.Error.Code);
        Engine.Start();
    }

    public DeviceId Id { get; }

    public IStepRunner Runner { get; }

    public DeliveryEngine Engine { get; }

    public RecordingHandler Handler { get; } = new();

    public RecordingSync Sync { get; } = new();

    public List<(EventId Item, DeliveryState State)> Changes { get; } = [];

    public List<string> Faults { get; } = [];

    public static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    public static EventId Item(int n)
    {
        byte[] bytes = new byte[Id32.Size];
        BitConverter.TryWriteBytes(bytes, n);
        return EventId.FromBytes(bytes);
    }

    /// <summary>Enqueues <paramref name="item"/> for <paramref name="recipients"/> in one application step.</summary>
    public void Send(EventId item, params Node[] recipients) =>
        Engine.Step(step => step.Enqueue(item, 1, [.. recipients.Select(r => new OutboundCopy(r.Id, item.Span.ToArray()))]));

    public DeliveryState StateOf(EventId item) => Engine.StateOf(item).Value;

    public void Dispose() => Engine.Dispose();
}
