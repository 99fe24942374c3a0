using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Delivery;

/// <summary>
/// An outbox item for the receiving device: it applies the payload once, commits, then answers with an
/// <see cref="AckFrame"/> naming <see cref="Id"/>. The same item may arrive many times (resends); the receiver
/// recognises it by (link peer, <see cref="Id"/>).
/// </summary>
public sealed class DeliverFrame : LinkFrame
{
    private readonly byte[] _payload;

    /// <summary>Makes a frame; a payload over <see cref="Limits.MaxDeliveryPayloadBytes"/> is a caller bug and throws.</summary>
    /// <param name="id">The item's id, unique among the sender's items.</param>
    /// <param name="itemKind">What the payload is, chosen by the application; carried opaque.</param>
    /// <param name="payload">The item, usually a session envelope sealed for the receiving device.</param>
    public DeliverFrame(EventId id, byte itemKind, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > Limits.MaxDeliveryPayloadBytes)
        {
            throw new ArgumentException($"A delivered payload is at most {Limits.MaxDeliveryPayloadBytes} bytes.", nameof(payload));
        }

        Id = id;
        ItemKind = itemKind;
        _payload = payload.ToArray();
    }

    /// <inheritdoc/>
    public override LinkFrameKind Kind => LinkFrameKind.Deliver;

    /// <summary>The item's id.</summary>
    public EventId Id { get; }

    /// <summary>What the payload is, as the application numbers it.</summary>
    public byte ItemKind { get; }

    /// <summary>The payload.</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    private protected override int BodySize => Id32.Size + 1 + 4 + _payload.Length;

    private protected override void WriteBody(WireWriter writer) => writer.Bytes(Id.Span).Byte(ItemKind).Prefixed32(_payload);

    /// <summary>The id, kind and size; never the payload.</summary>
    public override string ToString() => $"Deliver({Id}, kind {ItemKind}, {_payload.Length} bytes)";
}
