using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;

namespace Kith.Engine.Delivery;

/// <summary>An item's delivery state changed (enqueued, acknowledged by a device, seen): what the UI shows.</summary>
/// <param name="item">The item.</param>
/// <param name="state">Its state after the change was committed.</param>
public sealed class DeliveryChangedEventArgs(EventId item, DeliveryState state) : EventArgs
{
    /// <summary>The item.</summary>
    public EventId Item { get; } = item;

    /// <summary>Its committed state: queued, delivered to n of m devices, or seen.</summary>
    public DeliveryState State { get; } = state;
}
