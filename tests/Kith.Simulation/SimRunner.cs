using System.Runtime.CompilerServices;
using Kith.Simulation.Replicas;
using Kith.Simulation.World;

namespace Kith.Simulation;

/// <summary>Runs one simulation, prints its summary line to the test output, and words a failure with its reproduction.</summary>
internal static class SimRunner
{
    public static SimResult Run(long seed, SimOptions options, Func<ReplicaSetup, ISimReplica>? createReplica = null,
        [CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        string reproduction = SimSeeds.Reproduction(seed, $"{Path.GetFileNameWithoutExtension(file)}.{test}");
        using var simulation = new SimWorld(seed, options, createReplica ?? (setup => StoredReplica.Create(setup)));
        SimResult result;
        try
        {
            result = simulation.Run();
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.IAssertionException)
        {
            throw new InvalidOperationException(
                $"Simulation seed {seed} threw after {simulation.Counters}. Reproduce: {reproduction}", exception);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(result.Counters.ToString());
        return result with { Reproduction = reproduction };
    }

    public static string Failure(SimResult result) =>
        $"Simulation seed {result.Counters.Seed} failed:{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", result.Violations.Take(20)) + Environment.NewLine
        + result.Counters + Environment.NewLine
        + $"Reproduce: {result.Reproduction}";
}
