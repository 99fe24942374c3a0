using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>
/// A point in the order range reconciliation works over: events sorted by (timestamp, event id), the
/// conversation's display tie-break (Meyer, "Range-Based Set Reconciliation", §2: any total order both
/// sides share; Negentropy uses the same (timestamp, id) pair). Ranges are half-open, [lower, upper).
/// </summary>
/// <param name="Timestamp">The event timestamp, unix milliseconds.</param>
/// <param name="Id">The event id breaking ties between equal timestamps.</param>
public readonly record struct SyncBound(long Timestamp, EventId Id) : IComparable<SyncBound>
{
    /// <summary>Bytes of an encoded bound: timestamp (8) and id (32).</summary>
    public const int Size = 8 + EventId.Size;

    /// <summary>Below every event: the lower bound of the whole set.</summary>
    public static SyncBound Min { get; } = new(long.MinValue, EventId.FromBytes(new byte[EventId.Size]));

    /// <summary>Above every event a log accepts (its timestamp would be absurdly far in the future): the upper bound of the whole set.</summary>
    public static SyncBound Max { get; } = new(long.MaxValue, EventId.FromBytes(Enumerable.Repeat((byte)0xFF, EventId.Size).ToArray()));

    /// <inheritdoc/>
    public int CompareTo(SyncBound other)
    {
        int byTime = Timestamp.CompareTo(other.Timestamp);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(SyncBound left, SyncBound right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(SyncBound left, SyncBound right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SyncBound left, SyncBound right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SyncBound left, SyncBound right) => left.CompareTo(right) >= 0;

    internal void Write(WireWriter writer) => writer.U64(unchecked((ulong)Timestamp)).Bytes(Id.Span);

    internal static bool TryRead(ref WireReader reader, out SyncBound bound)
    {
        bound = default;
        if (!reader.TryReadUInt64(out ulong timestamp) || !reader.TryReadSpan(EventId.Size, out ReadOnlySpan<byte> id))
        {
            return false;
        }

        bound = new SyncBound(unchecked((long)timestamp), EventId.FromBytes(id));
        return true;
    }
}
