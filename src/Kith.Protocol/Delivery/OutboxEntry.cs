using Kith.Primitives.Ids;

namespace Kith.Protocol.Delivery;

/// <summary>
/// One item waiting for (or delivered to) one device: the unit the outbox resends and a device acknowledges.
/// An item sent to m devices is m entries sharing <see cref="Item"/>; its <see cref="DeliveryState"/> is
/// computed from them.
/// </summary>
/// <param name="Item">The item's id (usually the conversation event's id); with <see cref="Recipient"/>, the entry's key.</param>
/// <param name="Recipient">The device it goes to.</param>
/// <param name="Kind">What the payload is, as the application numbers it; carried opaque in the <c>Deliver</c> frame.</param>
/// <param name="Payload">What is sent (sealed for <see cref="Recipient"/> by the application); empty once delivered.</param>
/// <param name="CreatedUnixMs">When it was enqueued.</param>
/// <param name="Attempts">How many times it was sent so far.</param>
/// <param name="NextAttemptUnixMs">When it is due to be sent again while <see cref="OutboxEntryState.Pending"/>.</param>
/// <param name="State">Pending, delivered or seen.</param>
public sealed record OutboxEntry(
    EventId Item,
    DeviceId Recipient,
    byte Kind,
    ReadOnlyMemory<byte> Payload,
    long CreatedUnixMs,
    int Attempts,
    long NextAttemptUnixMs,
    OutboxEntryState State)
{
    /// <summary>Whether the device still has to acknowledge it.</summary>
    public bool IsPending => State == OutboxEntryState.Pending;

    /// <summary>Ids, state and counters; never the payload.</summary>
    public override string ToString() =>
        $"OutboxEntry({Item} -> {Recipient}, {State}, {Attempts} attempts, {Payload.Length} bytes)";
}
