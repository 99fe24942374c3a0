using System.Diagnostics;
using System.Globalization;

namespace Kith.Bench.Groups;

/// <summary>The parts of one <see cref="SyncLink"/> run that <see cref="SyncPhases"/> times.</summary>
internal enum SyncPhase
{
    /// <summary>The serving session answering (range index, fingerprints, batches).</summary>
    Server,

    /// <summary>Encoding every message onto the link.</summary>
    Encode,

    /// <summary>The receiver decoding the messages that arrived.</summary>
    Decode,

    /// <summary>The receiver waiting for its events to be decoded and verified on all cores (beyond the overlap with the previous commit).</summary>
    Verify,

    /// <summary>The receiving session and its log taking the checked batches.</summary>
    Receive,

    /// <summary>The receiver's commits.</summary>
    Persist,
}

/// <summary>
/// Wall time per <see cref="SyncPhase"/> of a sync run, for the group's <c>#</c> notes: where a sync's time goes,
/// so a change can be aimed at the largest part. Not a figure.
/// </summary>
internal sealed class SyncPhases
{
    private readonly long[] _ticks = new long[Enum.GetValues<SyncPhase>().Length];

    /// <summary>Runs <paramref name="work"/>, adding its wall time to <paramref name="phase"/>.</summary>
    public T Time<T>(SyncPhase phase, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _ticks[(int)phase] += Stopwatch.GetTimestamp() - start;
        }
    }

    /// <summary>Runs <paramref name="work"/>, adding its wall time to <paramref name="phase"/>.</summary>
    public void Time(SyncPhase phase, Action work) => Time(phase, () =>
    {
        work();
        return 0;
    });

    /// <summary>Each phase's seconds, for a note.</summary>
    public override string ToString() => string.Join(", ", Enum.GetValues<SyncPhase>().Select(phase =>
        $"{phase.ToString().ToLowerInvariant()} {((double)_ticks[(int)phase] / Stopwatch.Frequency).ToString("F2", CultureInfo.InvariantCulture)}"));
}
