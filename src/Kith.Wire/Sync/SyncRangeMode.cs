namespace Kith.Wire.Sync;

/// <summary>How a range of a <see cref="SyncRanges"/> message describes the sender's events in it. Persisted on the wire.</summary>
public enum SyncRangeMode : byte
{
    /// <summary>A fingerprint of the sender's ids in the range and their count: "do you hold exactly these?"</summary>
    Fingerprint = 1,

    /// <summary>Every id the sender holds in the range: the receiver can compute both differences.</summary>
    IdList = 2,
}
