namespace Kith.Protocol.Delivery;

/// <summary>What a person sees next to a message they sent. Values are shown and persisted; never renumbered.</summary>
public enum DeliveryStatus
{
    /// <summary>No device has acknowledged it yet (it may be sent, or waiting for a device to come online).</summary>
    Queued = 1,

    /// <summary>At least one device acknowledged it: "delivered to n of m devices".</summary>
    Delivered = 2,

    /// <summary>A device's person reported seeing it.</summary>
    Seen = 3,
}
