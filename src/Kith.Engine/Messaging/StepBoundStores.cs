using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Messaging;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;
using Kith.Wire.Conversations;

namespace Kith.Engine.Messaging;

/// <summary>
/// The <see cref="ReplicaStores"/> a cached <see cref="ConversationReplica"/> keeps for its life, forwarding every
/// call to the stores of the step running now: a replica outlives steps, but each write must join the current
/// step's transaction (docs/ARCHITECTURE.md, Engine). Outside a step a call throws, which is a messenger bug.
/// </summary>
internal sealed class StepBoundStores
{
    private IStepStores? _current;

    public StepBoundStores()
    {
        Replica = new ReplicaStores(new Events(this), new Messages(this), new State(this), new Sessions(this));
    }

    /// <summary>The stores every cached replica was opened with.</summary>
    public ReplicaStores Replica { get; }

    private IStepStores Current => _current ?? throw new InvalidOperationException("A replica store was used outside a step.");

    /// <summary>Binds the forwarders to <paramref name="stores"/> until the returned scope is disposed.</summary>
    public Binding Bind(IStepStores stores)
    {
        _current = stores;
        return new Binding(this);
    }

    public override string ToString() => nameof(StepBoundStores);

    /// <summary>Unbinds on dispose.</summary>
    internal readonly struct Binding(StepBoundStores owner) : IDisposable
    {
        public void Dispose() => owner._current = null;
    }

    private sealed class Events(StepBoundStores owner) : IEventStore
    {
        public void Append(ConversationId conversation, ConversationEvent accepted) => owner.Current.Events.Append(conversation, accepted);

        public void AppendMany(ConversationId conversation, IReadOnlyList<ConversationEvent> accepted) =>
            owner.Current.Events.AppendMany(conversation, accepted);

        public Result<ConversationEvent?> Get(ConversationId conversation, EventId id) => owner.Current.Events.Get(conversation, id);

        public bool Contains(ConversationId conversation, EventId id) => owner.Current.Events.Contains(conversation, id);

        public Result<IReadOnlyList<ConversationEvent>> All(ConversationId conversation) => owner.Current.Events.All(conversation);

        public long Count(ConversationId conversation) => owner.Current.Events.Count(conversation);

        public bool Remove(ConversationId conversation, EventId id) => owner.Current.Events.Remove(conversation, id);
    }

    private sealed class Messages(StepBoundStores owner) : IMessageStore
    {
        public void Put(ConversationId conversation, ShownMessage message) => owner.Current.Messages.Put(conversation, message);

        public void Reposition(ConversationId conversation, IReadOnlyList<(EventId Id, long Position)> moves) =>
            owner.Current.Messages.Reposition(conversation, moves);

        public bool Remove(ConversationId conversation, EventId id) => owner.Current.Messages.Remove(conversation, id);

        public long RemoveAll(ConversationId conversation) => owner.Current.Messages.RemoveAll(conversation);

        public Result<ShownMessage?> Get(ConversationId conversation, EventId id) => owner.Current.Messages.Get(conversation, id);

        public Result<IReadOnlyList<ShownMessage>> Latest(ConversationId conversation, int count, long beforePosition = long.MaxValue) =>
            owner.Current.Messages.Latest(conversation, count, beforePosition);

        public long Count(ConversationId conversation) => owner.Current.Messages.Count(conversation);
    }

    private sealed class State(StepBoundStores owner) : IStateStore
    {
        public Result<byte[]?> Read(string kind, ReadOnlySpan<byte> key) => owner.Current.State.Read(kind, key);

        public void Write(string kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => owner.Current.State.Write(kind, key, value);

        public bool Delete(string kind, ReadOnlySpan<byte> key) => owner.Current.State.Delete(kind, key);

        public override string ToString() => nameof(State);
    }

    private sealed class Sessions(StepBoundStores owner) : ISessionStore
    {
        public Result<byte[]?> Load(DeviceId local, DeviceId peer) => owner.Current.Sessions.Load(local, peer);

        public void Save(DeviceId local, DeviceId peer, ReadOnlySpan<byte> state) => owner.Current.Sessions.Save(local, peer, state);

        public bool Delete(DeviceId local, DeviceId peer) => owner.Current.Sessions.Delete(local, peer);

        public override string ToString() => nameof(Sessions);
    }
}
