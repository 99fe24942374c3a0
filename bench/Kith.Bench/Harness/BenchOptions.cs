namespace Kith.Bench.Harness;

/// <summary>How long to measure, and where the Node comparison lives.</summary>
/// <param name="Rounds">Timed rounds per measurement; the median is reported.</param>
/// <param name="RoundTime">Target duration of one timed round.</param>
/// <param name="WarmupTime">Time spent running (and calibrating) before the timed rounds.</param>
/// <param name="NodeDirectory">bench/node, or <c>null</c> to search upwards from the program.</param>
public sealed record BenchOptions(int Rounds, TimeSpan RoundTime, TimeSpan WarmupTime, string? NodeDirectory)
{
    /// <summary>Seven rounds of 100 ms after 200 ms of warm-up: a few seconds per figure.</summary>
    public static BenchOptions Default { get; } =
        new(7, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), null);

    /// <summary>A smoke run for CI: three short rounds. Figures are noisier.</summary>
    public static BenchOptions Quick { get; } =
        new(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(30), null);
}
