namespace Kith.Protocol.Delivery;

/// <summary>Where one outbox entry (one item for one device) stands. Values are persisted and never renumbered.</summary>
public enum OutboxEntryState
{
    /// <summary>Not acknowledged yet: resent with backoff until it is, forever.</summary>
    Pending = 1,

    /// <summary>The device acknowledged it: it committed the item. The payload is dropped.</summary>
    Delivered = 2,

    /// <summary>The device's person saw it (a <c>Seen</c> receipt). Implies delivered.</summary>
    Seen = 3,
}
