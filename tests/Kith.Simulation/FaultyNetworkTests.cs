using Kith.Simulation.Network;
using Kith.Simulation.World;

namespace Kith.Simulation;

/// <summary>The simulator injects the faults it claims to: its figures are only worth quoting if these hold.</summary>
public sealed class FaultyNetworkTests
{
    private const int Messages = 20_000;

    [Fact]
    public void Links_drop_duplicate_and_reorder_at_the_profiles_rates()
    {
        var (clock, network, counters, arrived) = NewNetwork(seed: 7);
        for (int i = 0; i < Messages; i++)
        {
            // Spaced wider than the latency jitter, so only held-back messages arrive out of order.
            byte payload = unchecked((byte)i);
            clock.At(i * 100L, () => network.Send(0, 1, session: 1, [payload]));
        }

        while (clock.RunNext(long.MaxValue))
        {
        }

        Assert.InRange(counters.Dropped, Messages * 18 / 100, Messages * 22 / 100);
        int survived = Messages - counters.Dropped;
        Assert.InRange(counters.Duplicated, survived * 4 / 100, survived * 6 / 100);
        Assert.Equal(survived + counters.Duplicated, arrived.Count);
        Assert.Equal(arrived.Count, counters.Delivered);
        Assert.InRange(counters.Reordered, arrived.Count * 5 / 100, arrived.Count * 12 / 100);
    }

    [Fact]
    public void A_partition_cuts_links_across_it_in_both_directions_until_it_ends()
    {
        var (clock, network, counters, arrived) = NewNetwork(seed: 8, new FaultProfile { DropPercent = 0, DuplicatePercent = 0 });
        network.Partition([true, false, false], durationMs: 1_000);
        network.Send(0, 1, 1, [1]);
        network.Send(1, 0, 1, [2]);
        network.Send(1, 2, 1, [3]);
        Assert.False(network.Connected(0, 2));
        Assert.True(network.Connected(1, 2));
        while (clock.RunNext(999))
        {
        }

        Assert.Equal([3], arrived.Select(e => (int)e.Bytes[0]));
        Assert.Equal(2, counters.PartitionDropped);
        clock.RunNext(1_000);
        Assert.True(network.Connected(0, 2));
        network.Send(0, 1, 1, [4]);
        while (clock.RunNext(long.MaxValue))
        {
        }

        Assert.Equal([3, 4], arrived.Select(e => (int)e.Bytes[0]));
    }

    [Fact]
    public void A_healed_network_delivers_every_message_once()
    {
        var (clock, network, counters, arrived) = NewNetwork(seed: 9);
        network.Heal();
        network.Partition([true, false], durationMs: 10_000);
        for (int i = 0; i < 1_000; i++)
        {
            network.Send(0, 1, 1, [unchecked((byte)i)]);
        }

        while (clock.RunNext(long.MaxValue))
        {
        }

        Assert.Equal(1_000, arrived.Count);
        Assert.Equal(0, counters.Dropped + counters.Duplicated + counters.PartitionDropped + counters.Partitions);
    }

    [Fact]
    public void The_clock_runs_actions_in_time_order_and_ties_in_scheduling_order()
    {
        var clock = new VirtualClock();
        var ran = new List<string>();
        clock.At(20, () => ran.Add("b"));
        clock.At(10, () => ran.Add("a"));
        clock.At(20, () => ran.Add("c"));
        clock.At(10, () => clock.After(5, () => ran.Add("a+5")));
        while (clock.RunNext(long.MaxValue))
        {
        }

        Assert.Equal(["a", "a+5", "b", "c"], ran);
        Assert.Equal(20, clock.NowMs);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.At(19, () => { }));
    }

    private static (VirtualClock, FaultyNetwork, SimCounters, List<Envelope>) NewNetwork(int seed, FaultProfile? faults = null)
    {
        var clock = new VirtualClock();
        var counters = new SimCounters();
        var arrived = new List<Envelope>();
        var network = new FaultyNetwork(clock, new Random(seed), faults ?? new FaultProfile(), counters) { Arrive = arrived.Add };
        return (clock, network, counters, arrived);
    }
}
