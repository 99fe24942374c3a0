using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>
/// One range [<see cref="Lower"/>, <see cref="Upper"/>) of a <see cref="SyncRanges"/> message, described by
/// a fingerprint of the sender's ids in it or by the ids themselves (Meyer, "Range-Based Set
/// Reconciliation", §3; Negentropy's Fingerprint and IdList modes).
/// </summary>
public sealed class SyncRange
{
    /// <summary>Bytes of a range fingerprint: 128 bits, as Negentropy's (a collision only delays sync, see the README).</summary>
    public const int FingerprintSize = 16;

    private readonly byte[] _fingerprint;
    private readonly EventId[] _ids;

    private SyncRange(SyncBound lower, SyncBound upper, SyncRangeMode mode, byte[] fingerprint, uint count, EventId[] ids)
    {
        if (lower >= upper)
        {
            throw new ArgumentException("A range's lower bound must sort before its upper bound.", nameof(lower));
        }

        Lower = lower;
        Upper = upper;
        Mode = mode;
        _fingerprint = fingerprint;
        Count = count;
        _ids = ids;
    }

    /// <summary>A range described by the fingerprint of the sender's <paramref name="count"/> ids in it.</summary>
    public static SyncRange Fingerprinted(SyncBound lower, SyncBound upper, ReadOnlySpan<byte> fingerprint, uint count)
    {
        if (fingerprint.Length != FingerprintSize)
        {
            throw new ArgumentException($"A range fingerprint is {FingerprintSize} bytes.", nameof(fingerprint));
        }

        return new SyncRange(lower, upper, SyncRangeMode.Fingerprint, fingerprint.ToArray(), count, []);
    }

    /// <summary>A range described by every id the sender holds in it, at most <see cref="Limits.MaxSyncRangeIds"/>.</summary>
    public static SyncRange Listed(SyncBound lower, SyncBound upper, IEnumerable<EventId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        EventId[] listed = [.. ids];
        if (listed.Length > Limits.MaxSyncRangeIds)
        {
            throw new ArgumentException($"A range lists at most {Limits.MaxSyncRangeIds} ids.", nameof(ids));
        }

        return new SyncRange(lower, upper, SyncRangeMode.IdList, [], (uint)listed.Length, listed);
    }

    /// <summary>The inclusive lower bound.</summary>
    public SyncBound Lower { get; }

    /// <summary>The exclusive upper bound.</summary>
    public SyncBound Upper { get; }

    /// <summary>How the range is described.</summary>
    public SyncRangeMode Mode { get; }

    /// <summary>The fingerprint (<see cref="SyncRangeMode.Fingerprint"/>), else empty.</summary>
    public ReadOnlySpan<byte> Fingerprint => _fingerprint;

    /// <summary>How many events the sender holds in the range.</summary>
    public uint Count { get; }

    /// <summary>The sender's ids in the range (<see cref="SyncRangeMode.IdList"/>), else empty.</summary>
    public IReadOnlyList<EventId> Ids => _ids;

    /// <summary>Encoded size: bounds, mode, then the fingerprint and count or the id list.</summary>
    internal int EncodedSize => (2 * SyncBound.Size) + 1
        + (Mode == SyncRangeMode.Fingerprint ? FingerprintSize + 4 : 2 + (_ids.Length * EventId.Size));

    internal void Write(WireWriter writer)
    {
        Lower.Write(writer);
        Upper.Write(writer);
        writer.Byte((byte)Mode);
        if (Mode == SyncRangeMode.Fingerprint)
        {
            writer.Bytes(_fingerprint).U32(Count);
            return;
        }

        writer.U16((ushort)_ids.Length);
        foreach (EventId id in _ids)
        {
            writer.Bytes(id.Span);
        }
    }

    /// <summary>The mode and count, never ids or fingerprints.</summary>
    public override string ToString() => $"SyncRange({Mode}, {Count})";
}
