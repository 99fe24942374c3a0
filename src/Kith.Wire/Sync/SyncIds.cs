using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>A sync message that carries a bounded list of event ids: <see cref="SyncHeads"/> or <see cref="SyncWant"/>.</summary>
public abstract class SyncIds : SyncMessage
{
    private readonly EventId[] _ids;

    private protected SyncIds(ConversationId conversation, IEnumerable<EventId> ids)
        : base(conversation)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _ids = [.. ids];
        if (_ids.Length > Limits.MaxSyncIdsPerMessage)
        {
            throw new ArgumentException($"A sync message carries at most {Limits.MaxSyncIdsPerMessage} ids.", nameof(ids));
        }
    }

    /// <summary>The ids, in the order given.</summary>
    public IReadOnlyList<EventId> Ids => _ids;

    private protected override int BodySize => 2 + (_ids.Length * Id32.Size);

    private protected override void WriteBody(WireWriter writer) => WriteIds(writer);

    private protected void WriteIds(WireWriter writer)
    {
        writer.U16((ushort)_ids.Length);
        foreach (EventId id in _ids)
        {
            writer.Bytes(id.Span);
        }
    }

    /// <summary>The kind and the number of ids.</summary>
    public override string ToString() => $"Sync{Kind}({_ids.Length} ids)";
}

/// <summary>
/// The sender's current heads and how many events it holds: the receiver asks for the heads it lacks, or,
/// when the count shows a large gap, starts range reconciliation (<see cref="SyncRanges"/>).
/// </summary>
/// <param name="conversation">The conversation.</param>
/// <param name="ids">The heads, at most <see cref="Limits.MaxSyncIdsPerMessage"/>.</param>
/// <param name="held">How many events the sender's log holds (after the ids on the wire, 4 bytes).</param>
public sealed class SyncHeads(ConversationId conversation, IEnumerable<EventId> ids, uint held) : SyncIds(conversation, ids)
{
    /// <inheritdoc/>
    public override SyncMessageKind Kind => SyncMessageKind.Heads;

    /// <summary>How many events the sender holds: a hint (a peer may lie, costing only its own sync).</summary>
    public uint Held { get; } = held;

    private protected override int BodySize => base.BodySize + 4;

    private protected override void WriteBody(WireWriter writer)
    {
        WriteIds(writer);
        writer.U32(Held);
    }
}

/// <summary>Ids the sender lacks; the receiver answers with the events it holds.</summary>
/// <param name="conversation">The conversation.</param>
/// <param name="ids">The wanted ids, at most <see cref="Limits.MaxSyncIdsPerMessage"/>.</param>
public sealed class SyncWant(ConversationId conversation, IEnumerable<EventId> ids) : SyncIds(conversation, ids)
{
    /// <inheritdoc/>
    public override SyncMessageKind Kind => SyncMessageKind.Want;
}
