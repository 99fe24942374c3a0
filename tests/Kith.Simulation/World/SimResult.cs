namespace Kith.Simulation.World;

/// <summary>The outcome of one run: its counters, whether it converged in time, and every invariant it broke.</summary>
internal sealed record SimResult(SimCounters Counters, bool Converged, IReadOnlyList<string> Violations)
{
    public bool Passed => Converged && Violations.Count == 0;
}
