using Kith.Primitives.Ids;
using Kith.Simulation.Replicas;
using Kith.Wire.Conversations;

namespace Kith.Simulation.Broken;

/// <summary>Passes every call to a working replica; the broken variants override the one call they break.</summary>
internal abstract class ReplicaDecorator(ISimReplica inner) : ISimReplica
{
    protected ISimReplica Inner { get; } = inner;

    public DeviceId Device => Inner.Device;

    public int PendingCount => Inner.PendingCount;

    public virtual ConversationEvent Send(string text, long nowUnixMs) => Inner.Send(text, nowUnixMs);

    public virtual IReadOnlyList<byte[]> Connect(DeviceId peer) => Inner.Connect(peer);

    public virtual IReadOnlyList<byte[]> Deliver(DeviceId peer, byte[] message, long nowUnixMs) => Inner.Deliver(peer, message, nowUnixMs);

    public void Crash() => Inner.Crash();

    public void Restart() => Inner.Restart();

    public virtual IReadOnlyList<EventId> Order() => Inner.Order();

    public IReadOnlySet<EventId> EventIds() => Inner.EventIds();

    public IReadOnlyList<ConversationEvent> StoredEvents() => Inner.StoredEvents();

    public void Dispose() => Inner.Dispose();
}
