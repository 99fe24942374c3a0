using Kith.Primitives.Ids;

namespace Kith.Engine.Delivery;

/// <summary>An item another device delivered, for the first time as far as this device's inbox knows.</summary>
/// <param name="From">The authenticated sending device.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Kind">What the payload is, as the application numbers it.</param>
/// <param name="Payload">The untrusted payload.</param>
public sealed record InboundItem(DeviceId From, EventId Id, byte Kind, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Ids, kind and size; never the payload.</summary>
    public override string ToString() => $"InboundItem({Id} from {From}, kind {Kind}, {Payload.Length} bytes)";
}
