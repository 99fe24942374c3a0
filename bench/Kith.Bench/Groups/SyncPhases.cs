using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

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
/// Wall time per <see cref="SyncPhase"/> of a sync run and the CPU time the driving thread spent in it (verification
/// runs on other threads: its CPU is what the driving thread does not show), for the group's <c>#</c> notes: where a sync's time goes,
/// so a change can be aimed at the largest part. Not a figure.
/// </summary>
internal sealed class SyncPhases
{
    // clockid_t CLOCK_THREAD_CPUTIME_ID (Linux): this thread's CPU time, which the machine's other load does not inflate.
    private const int ThreadCpuClock = 3;

    private readonly long[] _ticks = new long[Enum.GetValues<SyncPhase>().Length];
    private readonly long[] _cpuNs = new long[Enum.GetValues<SyncPhase>().Length];
    private readonly int[] _calls = new int[Enum.GetValues<SyncPhase>().Length];

    /// <summary>Runs <paramref name="work"/>, adding its wall time and the calling thread's CPU time to <paramref name="phase"/>.</summary>
    public T Time<T>(SyncPhase phase, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        long cpuStart = ThreadCpuNs();
        try
        {
            return work();
        }
        finally
        {
            // Both replicas' threads time their work (each replica runs on its own), so the sums are atomic.
            Interlocked.Add(ref _ticks[(int)phase], Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _cpuNs[(int)phase], ThreadCpuNs() - cpuStart);
            Interlocked.Increment(ref _calls[(int)phase]);
        }
    }

    /// <summary>Runs <paramref name="work"/>, adding its wall time to <paramref name="phase"/>.</summary>
    public void Time(SyncPhase phase, Action work) => Time(phase, () =>
    {
        work();
        return 0;
    });

    /// <summary>How often <paramref name="phase"/> ran (for <see cref="SyncPhase.Persist"/>: the receiver's commits).</summary>
    public int Calls(SyncPhase phase) => _calls[(int)phase];

    /// <summary>Each phase's wall seconds and the driving thread's CPU seconds in it, for a note.</summary>
    public override string ToString() => string.Join(", ", Enum.GetValues<SyncPhase>().Select(phase =>
        $"{phase.ToString().ToLowerInvariant()} {Seconds((double)_ticks[(int)phase] / Stopwatch.Frequency)}"
        + $"/{Seconds(_cpuNs[(int)phase] / 1e9)}"));

    private static string Seconds(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static long ThreadCpuNs() => ClockGetTime(ThreadCpuClock, out TimeSpec now) == 0 ? (now.Seconds * 1_000_000_000) + now.Nanoseconds : 0;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
