using Kith.Primitives.Ids;

namespace Kith.Protocol.Delivery;

/// <summary>One recipient device of an item and the payload sealed for it (each device has its own session).</summary>
/// <param name="Recipient">The device.</param>
/// <param name="Payload">What that device receives, at most <see cref="Kith.Primitives.Limits.MaxDeliveryPayloadBytes"/> bytes.</param>
public readonly record struct OutboundCopy(DeviceId Recipient, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The recipient and size; never the payload.</summary>
    public override string ToString() => $"OutboundCopy({Recipient}, {Payload.Length} bytes)";
}
