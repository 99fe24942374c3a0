using Kith.Simulation.Broken;
using Kith.Simulation.Replicas;
using Kith.Simulation.World;

namespace Kith.Simulation;

/// <summary>
/// The simulator is only worth its green runs if it goes red on a broken replica: each test breaks device 0
/// in one way and requires the run to fail with the matching violation.
/// </summary>
public sealed class SimulatorCanFailTests
{
    private static readonly SimOptions Short = new() { Messages = 25, FaultyPhaseMs = 20_000, ConvergenceBoundMs = 30_000 };

    [Fact]
    public void A_replica_that_drops_one_authors_events_is_caught_as_loss()
    {
        SimResult result = SimRunner.Run(101, Short, setup => setup.Index == 0
            ? new IgnoresAuthorReplica(StoredReplica.Create(setup), setup.AllDevices[1])
            : StoredReplica.Create(setup));

        Assert.False(result.Converged);
        Assert.Contains(result.Violations, v => v.StartsWith("device 0 ", StringComparison.Ordinal)
            && v.Contains("lost", StringComparison.Ordinal));

        // The failure names the seed and the one line that replays this very test.
        Assert.Contains("KITH_SIM_SEED=101 tests/Kith.Simulation/bin/Debug/net10.0/Kith.Simulation -method "
            + "Kith.Simulation.SimulatorCanFailTests.A_replica_that_drops_one_authors_events_is_caught_as_loss",
            SimRunner.Failure(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_replica_that_shows_an_event_twice_is_caught()
    {
        SimResult result = SimRunner.Run(102, Short, setup => setup.Index == 0
            ? new ShowsFirstEventTwiceReplica(StoredReplica.Create(setup))
            : StoredReplica.Create(setup));

        Assert.True(result.Converged, SimRunner.Failure(result));
        Assert.Contains("device 0 (account 0) shows 1 duplicate events", result.Violations);
        Assert.Contains(result.Violations, v => v.Contains("shows another order", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replica_that_keeps_received_events_only_in_memory_is_caught_by_the_restart_check()
    {
        SimResult result = SimRunner.Run(103, Short, setup =>
            StoredReplica.Create(setup, setup.Index == 0 ? StoredReplicaDefect.ForgetsReceivedEvents : StoredReplicaDefect.None));

        Assert.Contains(result.Violations, v => v.StartsWith("device 0 ", StringComparison.Ordinal)
            && v.Contains("restart from its store", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replica_that_reuses_chain_indexes_after_a_crash_is_caught_by_decryption()
    {
        SimResult result = SimRunner.Run(104, Short with { MeanCrashIntervalMs = 4_000 }, setup =>
            StoredReplica.Create(setup, setup.Index == 0 ? StoredReplicaDefect.ForgetsChainIndex : StoredReplicaDefect.None));

        Assert.Contains(result.Violations, v => v.Contains("do not verify or decrypt", StringComparison.Ordinal));
    }
}
