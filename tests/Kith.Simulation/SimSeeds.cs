namespace Kith.Simulation;

/// <summary>
/// Which seeds a test run uses: a fixed list in CI; <c>KITH_SIM_SEED=s</c> replays one seed;
/// <c>KITH_SIM_RUNS=n</c> runs n fresh random seeds (each printed, so a failure can be replayed).
/// </summary>
internal static class SimSeeds
{
    public const string SeedVariable = "KITH_SIM_SEED";
    public const string RunsVariable = "KITH_SIM_RUNS";

    /// <summary>The CI seeds: fixed, so CI is reproducible; sized to keep the project well under a minute on 2 cores.</summary>
    public static readonly long[] Fixed = [.. Enumerable.Range(1, 24).Select(i => (long)i)];

    public static IEnumerable<long> Current()
    {
        if (long.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out long seed))
        {
            return [seed];
        }

        if (int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), out int runs) && runs > 0)
        {
            // Fresh seeds on purpose: this mode explores; whatever fails is replayed with KITH_SIM_SEED.
            return Enumerable.Range(0, runs).Select(_ => Random.Shared.NextInt64(1, long.MaxValue));
        }

        return Fixed;
    }

    /// <summary>The one line that replays <paramref name="seed"/> (from the repository root, after a build).</summary>
    public static string Reproduction(long seed) =>
        $"{SeedVariable}={seed} tests/Kith.Simulation/bin/Debug/net10.0/Kith.Simulation "
        + "-method Kith.Simulation.SimulationTests.Replicas_converge_to_one_order_without_loss_or_duplicates";
}
