using Kith.Primitives;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>The session's range reconciliation for large gaps (see <see cref="RangeReconciler"/>).</summary>
public sealed partial class SyncSession
{
    private RangeIndex? _index;
    private bool _reconciling;
    private byte[]? _opening;

    /// <summary>Whether this session has switched to range reconciliation (sent or received ranges).</summary>
    public bool Reconciling => _reconciling;

    /// <summary>Starts reconciling: the whole of this log's snapshot, described in one range.</summary>
    private List<SyncMessage> OpenReconciliation()
    {
        _reconciling = true;
        _index ??= RangeIndex.Of(_log);
        var opening = new SyncRanges(Conversation, RangeReconciler.Open(_index));
        _opening = opening.Encode();
        return [opening];
    }

    /// <summary>
    /// Whether <paramref name="ranges"/> is the peer's opening crossing our own: then only the opening whose
    /// encoding sorts first is answered, by the side that did not send it, so one reconciliation runs, not two.
    /// </summary>
    private bool LosesToOurOpening(SyncRanges ranges) =>
        _opening is not null && ranges.Ranges is [{ } whole] && whole.Lower == SyncBound.Min && whole.Upper == SyncBound.Max
        && _opening.AsSpan().SequenceCompareTo(ranges.Encode()) < 0;

    /// <summary>
    /// Answers the peer's ranges: the events it lacks (sent unasked, oldest first), asks for the ids this
    /// log lacks, and the ranges still to narrow, in messages of bounded size.
    /// </summary>
    private List<SyncMessage> Reconcile(SyncRanges ranges)
    {
        if (LosesToOurOpening(ranges))
        {
            return [];
        }

        _reconciling = true;
        _index ??= RangeIndex.Of(_log);
        RangeAnswer answer = RangeReconciler.Answer(_index, ranges);
        return
        [
            .. Batch(answer.Pushed.Where(e => !_peerHas.Contains(e.Id))),
            .. AskFor(answer.Needed),
            .. answer.Ranges.Chunk(Limits.MaxSyncRangesPerMessage).Select(chunk => new SyncRanges(Conversation, chunk)),
        ];
    }
}
