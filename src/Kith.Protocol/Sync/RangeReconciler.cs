using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>What one <see cref="SyncRanges"/> message asks of this replica.</summary>
/// <param name="Ranges">Ranges to describe back to the peer, ascending.</param>
/// <param name="Needed">Ids the peer listed that this snapshot lacks: to be wanted.</param>
/// <param name="Pushed">Events of this snapshot the peer showed it lacks: to be sent unasked, ascending.</param>
internal sealed record RangeAnswer(List<SyncRange> Ranges, List<EventId> Needed, List<ConversationEvent> Pushed);

/// <summary>
/// One step of range-based set reconciliation (Meyer, "Range-Based Set Reconciliation", arXiv 2212.13567,
/// §3 and §4; Negentropy's message processing), adapted so that both sides end up with the union: a
/// replica that learns which of its events the peer lacks sends them rather than reporting them.
/// </summary>
/// <remarks>
/// For each range of the peer's message, over this replica's snapshot:
/// <list type="bullet">
/// <item>A fingerprint equal to ours: the range is done and is left out of the reply.</item>
/// <item>Another fingerprint: we list our ids when they are at most <see cref="Limits.MaxSyncRangeIds"/>,
/// else split the range into <see cref="Limits.SyncRangeSplit"/> ranges of equal counts with fingerprints.</item>
/// <item>An id list: the listed ids we lack are wanted; our ids the list lacks are pushed when they are
/// at most <see cref="Limits.MaxSyncPushedPerRange"/>, else the range is split so the peer names them
/// again in smaller pieces.</item>
/// </list>
/// A new replica of n events is thus filled in about log16(n / MaxSyncPushedPerRange) + 2 round trips,
/// all of a round's events in ascending order.
/// Every split range holds fewer of our events than the range it came from, and the peer lists its side
/// once a range is small, so the exchange ends. Since a message's ranges are disjoint, the events one
/// message makes us send and the ids it makes us hash are at most the snapshot (twice, for hashing).
/// </remarks>
internal static class RangeReconciler
{
    /// <summary>The opening message of a reconciliation: the whole set, described.</summary>
    public static List<SyncRange> Open(RangeIndex index) => [Describe(index, SyncBound.Min, SyncBound.Max, 0, index.Count)];

    /// <summary>Answers one ranges message from the peer.</summary>
    public static RangeAnswer Answer(RangeIndex index, SyncRanges message)
    {
        var answer = new RangeAnswer([], [], []);
        foreach (SyncRange range in message.Ranges)
        {
            int from = index.IndexOf(range.Lower), to = index.IndexOf(range.Upper);
            if (range.Mode == SyncRangeMode.IdList)
            {
                TakeList(index, range, from, to, answer);
            }
            else if (!range.Fingerprint.SequenceEqual(index.Fingerprint(from, to)))
            {
                if (to - from <= Limits.MaxSyncRangeIds)
                {
                    answer.Ranges.Add(SyncRange.Listed(range.Lower, range.Upper, index.IdsIn(from, to)));
                }
                else
                {
                    answer.Ranges.AddRange(Split(index, range.Lower, range.Upper, from, to));
                }
            }
        }

        return answer;
    }

    private static void TakeList(RangeIndex index, SyncRange range, int from, int to, RangeAnswer answer)
    {
        var ours = new HashSet<EventId>(index.IdsIn(from, to));
        var theirs = new HashSet<EventId>(range.Ids);
        answer.Needed.AddRange(range.Ids.Where(id => !ours.Contains(id)));
        int lacking = ours.Count(id => !theirs.Contains(id));
        if (lacking == 0)
        {
            return;
        }

        if (lacking <= Limits.MaxSyncPushedPerRange)
        {
            Push(index, from, to, theirs, answer);
            return;
        }

        answer.Ranges.AddRange(Split(index, range.Lower, range.Upper, from, to));
    }

    private static void Push(RangeIndex index, int from, int to, HashSet<EventId> theirs, RangeAnswer answer)
    {
        for (int i = from; i < to; i++)
        {
            if (!theirs.Contains(index[i].Id))
            {
                answer.Pushed.Add(index[i]);
            }
        }
    }

    /// <summary>Our events in [lower, upper): listed when few, else fingerprinted whole.</summary>
    private static SyncRange Describe(RangeIndex index, SyncBound lower, SyncBound upper, int from, int to) =>
        to - from <= Limits.MaxSyncRangeIds
            ? SyncRange.Listed(lower, upper, index.IdsIn(from, to))
            : SyncRange.Fingerprinted(lower, upper, index.Fingerprint(from, to), checked((uint)(to - from)));

    /// <summary>
    /// [lower, upper) cut at our events into up to <see cref="Limits.SyncRangeSplit"/> ranges of (nearly)
    /// equal counts, each fingerprinted (Meyer §4: splitting by count keeps the recursion depth logarithmic).
    /// </summary>
    private static IEnumerable<SyncRange> Split(RangeIndex index, SyncBound lower, SyncBound upper, int from, int to)
    {
        int count = to - from;
        int parts = Math.Min(Limits.SyncRangeSplit, count);
        for (int p = 0; p < parts; p++)
        {
            int start = from + (int)((long)count * p / parts), end = from + (int)((long)count * (p + 1) / parts);
            SyncBound partLower = p == 0 ? lower : index.KeyAt(start);
            SyncBound partUpper = p == parts - 1 ? upper : index.KeyAt(end);
            yield return SyncRange.Fingerprinted(partLower, partUpper, index.Fingerprint(start, end), checked((uint)(end - start)));
        }
    }
}
