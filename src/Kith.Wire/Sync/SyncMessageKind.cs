namespace Kith.Wire.Sync;

/// <summary>The kind byte of a sync message. Persisted on the wire: values never change.</summary>
public enum SyncMessageKind : byte
{
    /// <summary>The sender's current heads.</summary>
    Heads = 1,

    /// <summary>Ids the sender lacks and asks for.</summary>
    Want = 2,

    /// <summary>A bounded batch of encoded events, relayed unchanged.</summary>
    Events = 3,

    /// <summary>A step of range-based set reconciliation for a large gap.</summary>
    Ranges = 4,
}
