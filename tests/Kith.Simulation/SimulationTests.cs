using Kith.Simulation.World;

namespace Kith.Simulation;

public sealed class SimulationTests
{
    public static TheoryData<long> Seeds() => [.. SimSeeds.Current(SimSeeds.Fixed)];

    public static TheoryData<long> CatchUpSeeds() => [.. SimSeeds.Current([201, 202])];

    // 355010128973950369 is a random seed in which the revoked device happened to write nothing after its
    // revocation until the run scheduled writes for it (SimWorld.ScheduleRevokedWrites); it failed before.
    public static TheoryData<long> RevocationSeeds() => [.. SimSeeds.Current([201, 202, 355010128973950369])];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Replicas_converge_to_one_order_without_loss_or_duplicates(long seed)
    {
        SimResult result = SimRunner.Run(seed, new SimOptions());
        Assert.True(result.Passed, SimRunner.Failure(result));
    }

    [Theory]
    [MemberData(nameof(CatchUpSeeds))]
    public void A_device_cut_off_during_hundreds_of_messages_catches_up(long seed)
    {
        // More events than one answer offers as ancestors (Limits.MaxSyncOfferedAncestors), so catching up walks back.
        var options = new SimOptions { Messages = 400, IsolateLastDevice = true };
        SimResult result = SimRunner.Run(seed, options);
        Assert.True(result.Passed, SimRunner.Failure(result));
    }

    [Theory]
    [MemberData(nameof(CatchUpSeeds))]
    public void A_device_cut_off_catches_up_through_a_pending_set_much_smaller_than_the_gap(long seed)
    {
        // The gap is larger than the pending set, so catching up evicts waiting events and must ask for them again.
        var options = new SimOptions { Messages = 200, IsolateLastDevice = true, MaxPendingEvents = 16 };
        SimResult result = SimRunner.Run(seed, options);
        Assert.True(result.Passed, SimRunner.Failure(result));
    }

    [Theory]
    [MemberData(nameof(RevocationSeeds))]
    public void A_device_revoked_mid_run_has_its_later_events_rejected_by_every_replica_and_the_rest_converge(long seed)
    {
        var options = new SimOptions { RevokeFirstDeviceMidRun = true };
        SimResult result = SimRunner.Run(seed, options);
        Assert.True(result.Passed, SimRunner.Failure(result));
        Assert.True(result.Counters.EventsRejected > 0, "the revoked device wrote nothing after its revocation, so the run proves nothing");
    }

    [Fact]
    public void A_seed_replays_exactly_the_same_run()
    {
        var options = new SimOptions { Messages = 15, FaultyPhaseMs = 15_000 };
        SimResult first = SimRunner.Run(42, options);
        SimResult second = SimRunner.Run(42, options);
        Assert.Equal(first.Counters.ToString(), second.Counters.ToString());
        Assert.True(first.Counters.Dropped > 0 && first.Counters.Crashes + first.Counters.Partitions > 0,
            "the run injected no faults, so it proves nothing about replaying them");
    }
}
