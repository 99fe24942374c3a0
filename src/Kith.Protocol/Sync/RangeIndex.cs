using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>
/// A snapshot of a log's accepted events sorted by (timestamp, event id), the order range reconciliation
/// works over (Meyer, "Range-Based Set Reconciliation", §2), with range fingerprints.
/// </summary>
/// <remarks>
/// <para>
/// A fingerprint is BLAKE2b-128 over a context string, the item count and the concatenated ids of a range.
/// Meyer (§5) and Negentropy also allow additive fingerprints (sum of ids mod 2^256, then hashed), which can
/// be updated and combined in O(1); but a member device choosing event contents could search for id sets
/// whose sums collide and so hide events from a sync. Hashing the concatenation has no such structure. It
/// costs hashing every id in a range once per round in which that range is described; since a round's
/// ranges are disjoint that is O(n) per round and O(n log n) per reconciliation: a few milliseconds per
/// 100,000 events.
/// </para>
/// <para>
/// The snapshot is taken once per session: the peer's messages describe its own snapshot, so both sides
/// compare fixed sets and the recursion ends. Events accepted during the session came from this peer or
/// are found by the next session.
/// </para>
/// </remarks>
internal sealed class RangeIndex
{
    private static ReadOnlySpan<byte> Context => "Kith sync range v1\0"u8;

    private readonly ConversationEvent[] _events;
    private readonly SyncBound[] _keys;
    private readonly byte[] _ids;

    private RangeIndex(ConversationEvent[] events)
    {
        _events = events;
        _keys = [.. events.Select(e => new SyncBound(e.TimestampUnixMs, e.Id))];
        _ids = new byte[events.Length * EventId.Size];
        for (int i = 0; i < events.Length; i++)
        {
            events[i].Id.Span.CopyTo(_ids.AsSpan(i * EventId.Size));
        }
    }

    /// <summary>Number of events in the snapshot.</summary>
    public int Count => _events.Length;

    /// <summary>Snapshots every accepted event of <paramref name="log"/>.</summary>
    public static RangeIndex Of(ConversationLog log)
    {
        var events = new ConversationEvent[log.Count];
        int n = 0;
        foreach (EventId id in log.Order())
        {
            _ = log.TryGet(id, out ConversationEvent? e);
            events[n++] = e!;
        }

        Array.Sort(events, (x, y) => DisplayOrder.KeyOf(x).CompareTo(DisplayOrder.KeyOf(y)));
        return new RangeIndex(events);
    }

    /// <summary>The event at <paramref name="index"/> in (timestamp, id) order.</summary>
    public ConversationEvent this[int index] => _events[index];

    /// <summary>The sort key of the event at <paramref name="index"/>.</summary>
    public SyncBound KeyAt(int index) => _keys[index];

    /// <summary>The index of the first event not below <paramref name="bound"/> (<see cref="Count"/> if none).</summary>
    public int IndexOf(SyncBound bound)
    {
        int found = Array.BinarySearch(_keys, bound);
        return found >= 0 ? found : ~found;
    }

    /// <summary>The ids of events [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IEnumerable<EventId> IdsIn(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            yield return _events[i].Id;
        }
    }

    /// <summary>The fingerprint of events [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public byte[] Fingerprint(int from, int to)
    {
        Span<byte> count = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(count, checked((uint)(to - from)));
        byte[] fingerprint = new byte[SyncRange.FingerprintSize];
        using var hasher = new Blake2bHasher(SyncRange.FingerprintSize);
        hasher.Update(Context);
        hasher.Update(count);
        hasher.Update(_ids.AsSpan(from * EventId.Size, (to - from) * EventId.Size));
        hasher.Finish(fingerprint);
        return fingerprint;
    }
}
