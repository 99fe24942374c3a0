namespace Kith.Wire.Delivery;

/// <summary>Which <see cref="LinkFrame"/> a frame is. Values are on the wire and never renumbered.</summary>
public enum LinkFrameKind : byte
{
    /// <summary>An outbox item for the receiving device (<see cref="DeliverFrame"/>).</summary>
    Deliver = 1,

    /// <summary>Items the sending device has committed (<see cref="AckFrame"/>).</summary>
    Ack = 2,

    /// <summary>A conversation sync message (<see cref="SyncFrame"/>).</summary>
    Sync = 3,

    /// <summary>Items the sending device's person has seen (<see cref="SeenFrame"/>).</summary>
    Seen = 4,
}
