using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>
/// One step of range-based set reconciliation (Meyer, "Range-Based Set Reconciliation", arXiv 2212.13567,
/// as deployed in Negentropy): disjoint ranges in ascending order, each with a fingerprint or an id list of
/// the sender's events in it. Ranges the sender found equal are simply left out, so an empty message ends
/// nothing and is never sent.
/// </summary>
public sealed class SyncRanges : SyncMessage
{
    private readonly SyncRange[] _ranges;

    /// <summary>Builds the message; throws when it is too long or its ranges overlap or are out of order (a caller bug).</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="ranges">At most <see cref="Limits.MaxSyncRangesPerMessage"/> ranges, ascending and disjoint.</param>
    public SyncRanges(ConversationId conversation, IEnumerable<SyncRange> ranges)
        : base(conversation)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _ranges = [.. ranges];
        if (_ranges.Length > Limits.MaxSyncRangesPerMessage || !AscendingAndDisjoint(_ranges))
        {
            throw new ArgumentException("Sync ranges must be at most the limit, ascending and disjoint.", nameof(ranges));
        }
    }

    /// <inheritdoc/>
    public override SyncMessageKind Kind => SyncMessageKind.Ranges;

    /// <summary>The ranges, ascending.</summary>
    public IReadOnlyList<SyncRange> Ranges => _ranges;

    private protected override int BodySize => 2 + _ranges.Sum(r => r.EncodedSize);

    /// <summary>Whether each range ends at or before the next begins (a range's own bounds are checked when built).</summary>
    internal static bool AscendingAndDisjoint(IReadOnlyList<SyncRange> ranges)
    {
        for (int i = 1; i < ranges.Count; i++)
        {
            if (ranges[i - 1].Upper > ranges[i].Lower)
            {
                return false;
            }
        }

        return true;
    }

    private protected override void WriteBody(WireWriter writer)
    {
        writer.U16((ushort)_ranges.Length);
        foreach (SyncRange range in _ranges)
        {
            range.Write(writer);
        }
    }

    /// <summary>The number of ranges only.</summary>
    public override string ToString() => $"SyncRanges({_ranges.Length} ranges)";
}
