namespace Kith.Simulation;

/// <summary>
/// Which seeds a simulation test runs: its fixed list in CI; <c>KITH_SIM_SEED=s</c> replays one seed;
/// <c>KITH_SIM_RUNS=n</c> runs n fresh random seeds (each printed, so a failure can be replayed).
/// </summary>
internal static class SimSeeds
{
    public const string SeedVariable = "KITH_SIM_SEED";
    public const string RunsVariable = "KITH_SIM_RUNS";

    /// <summary>The CI seeds of the main test: fixed, so CI is reproducible; about 0.4 s of CPU each.</summary>
    public static readonly long[] Fixed = [.. Enumerable.Range(1, 24).Select(i => (long)i)];

    public static IEnumerable<long> Current(IEnumerable<long> fixedSeeds)
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

        return fixedSeeds;
    }

    /// <summary>The one line that replays <paramref name="seed"/> in <paramref name="test"/> (from the repository root, built).</summary>
    public static string Reproduction(long seed, string test) =>
        $"{SeedVariable}={seed} tests/Kith.Simulation/bin/Debug/net10.0/Kith.Simulation -method Kith.Simulation.{test}";
}
