using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Delivery;

/// <summary>A link frame that carries a bounded list of item ids: <see cref="AckFrame"/> or <see cref="SeenFrame"/>.</summary>
public abstract class ItemIdsFrame : LinkFrame
{
    private readonly EventId[] _ids;

    private protected ItemIdsFrame(IEnumerable<EventId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _ids = [.. ids];
        if (_ids.Length > Limits.MaxDeliveryIdsPerFrame)
        {
            throw new ArgumentException($"A frame carries at most {Limits.MaxDeliveryIdsPerFrame} ids.", nameof(ids));
        }
    }

    /// <summary>The ids, in the order given.</summary>
    public IReadOnlyList<EventId> Ids => _ids;

    private protected override int BodySize => 2 + (_ids.Length * Id32.Size);

    private protected override void WriteBody(WireWriter writer)
    {
        writer.U16((ushort)_ids.Length);
        foreach (EventId id in _ids)
        {
            writer.Bytes(id.Span);
        }
    }

    /// <summary>The kind and the number of ids.</summary>
    public override string ToString() => $"{Kind}({_ids.Length} ids)";
}

/// <summary>
/// Items the sending device has committed: the receiver stops resending them to it. Sent only after the
/// commit, so an acknowledged item survives a crash of the device that acknowledged it.
/// </summary>
/// <param name="ids">The item ids, at most <see cref="Limits.MaxDeliveryIdsPerFrame"/>.</param>
public sealed class AckFrame(IEnumerable<EventId> ids) : ItemIdsFrame(ids)
{
    /// <inheritdoc/>
    public override LinkFrameKind Kind => LinkFrameKind.Ack;
}

/// <summary>
/// Items the sending device's person has seen, for the "seen" delivery state. Best effort: a lost
/// <see cref="SeenFrame"/> is not resent, and a receipt for an item the receiver never sent to that device is ignored.
/// </summary>
/// <param name="ids">The item ids, at most <see cref="Limits.MaxDeliveryIdsPerFrame"/>.</param>
public sealed class SeenFrame(IEnumerable<EventId> ids) : ItemIdsFrame(ids)
{
    /// <inheritdoc/>
    public override LinkFrameKind Kind => LinkFrameKind.Seen;
}
