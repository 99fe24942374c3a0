namespace Kith.Simulation.World;

/// <summary>The outcome of one run: its counters, whether it converged in time, and every invariant it broke.</summary>
internal sealed record SimResult(SimCounters Counters, bool Converged, IReadOnlyList<string> Violations)
{
    public bool Passed => Converged && Violations.Count == 0;

    /// <summary>The command line that replays this run (set by the test runner, which knows the test).</summary>
    public string Reproduction { get; init; } = "";
}
