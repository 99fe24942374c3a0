using System.Diagnostics;

namespace Kith.Bench.Harness;

/// <summary>
/// Warm-up, calibration and timed rounds. BenchmarkDotNet would take minutes per figure on two shared
/// cores; this takes about a second and reports the median round, which is what a CI-sized run can afford.
/// bench/node/measure.mjs follows the same steps so the libsignal figures compare.
/// </summary>
public static class Measurer
{
    // Stops the doubling for a batch whose time does not grow with its count (a bug in the batch, but it
    // must end in a wrong figure, not an overflow).
    private const long MaxOperationsPerCall = 1L << 40;

    /// <summary>Measures an operation that <paramref name="batch"/> runs <c>count</c> times per call.</summary>
    public static Measurement Measure(BenchOptions options, Action<long> batch)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(batch);
        return MeasureRounds(options, count =>
        {
            long start = Stopwatch.GetTimestamp();
            batch(count);
            return Stopwatch.GetElapsedTime(start);
        });
    }

    /// <summary>
    /// Measures an operation that needs fresh state each time (a session setup consumes its prekeys):
    /// <paramref name="prepare"/> runs off the clock, <paramref name="timed"/> on it. A state that is
    /// <see cref="IDisposable"/> is disposed off the clock.
    /// </summary>
    public static Measurement MeasureEach<T>(BenchOptions options, Func<T> prepare, Action<T> timed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(timed);
        return MeasureRounds(options, count =>
        {
            TimeSpan elapsed = TimeSpan.Zero;
            for (long i = 0; i < count; i++)
            {
                T state = prepare();
                long start = Stopwatch.GetTimestamp();
                timed(state);
                elapsed += Stopwatch.GetElapsedTime(start);
                (state as IDisposable)?.Dispose();
            }

            return elapsed;
        });
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // runRound(count) runs count operations and says how long they took on the clock.
    private static Measurement MeasureRounds(BenchOptions options, Func<long, TimeSpan> runRound)
    {
        // Warm-up doubles the count until a call fills a quarter of a round, so the JIT has reached its
        // optimised tier and the per-operation time used for calibration is not dominated by timer overhead.
        // The wall clock bounds it too: with MeasureEach, untimed preparation can dwarf the timed part.
        long count = 1;
        TimeSpan warmedUp = TimeSpan.Zero;
        double nanosecondsPerOperation = 0;
        long wallStart = Stopwatch.GetTimestamp();
        while (warmedUp < options.WarmupTime && Stopwatch.GetElapsedTime(wallStart) < options.WarmupTime * 4)
        {
            TimeSpan elapsed = runRound(count);
            warmedUp += elapsed;
            nanosecondsPerOperation = elapsed.TotalNanoseconds / count;
            if (elapsed < options.RoundTime / 4 && count < MaxOperationsPerCall)
            {
                count *= 2;
            }
        }

        long perRound = Math.Max(1, (long)Math.Ceiling(options.RoundTime.TotalNanoseconds / Math.Max(nanosecondsPerOperation, 1e-3)));
        var samples = new double[options.Rounds];
        for (int round = 0; round < samples.Length; round++)
        {
            samples[round] = runRound(perRound).TotalNanoseconds / perRound;
        }

        return new Measurement(Median(samples), samples.Min(), samples.Max(), samples.Length, perRound);
    }
}
