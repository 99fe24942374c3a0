namespace Kith.Simulation.World;

/// <summary>What one run did and suffered, printed as one summary line so figures can be quoted.</summary>
internal sealed class SimCounters
{
    public long Seed { get; init; }

    public int Devices { get; set; }

    public int EventsSent { get; set; }

    /// <summary>Events a revoked device wrote after its revocation (every other replica must reject them).</summary>
    public int EventsRejected { get; set; }

    public int SendsSkipped { get; set; }

    public int MessagesSent { get; set; }

    public int Delivered { get; set; }

    public int Dropped { get; set; }

    public int Duplicated { get; set; }

    public int Reordered { get; set; }

    /// <summary>Messages lost because a partition separated the two ends while they were in flight or at send time.</summary>
    public int PartitionDropped { get; set; }

    /// <summary>Messages that arrived at a crashed device.</summary>
    public int DeadLettered { get; set; }

    /// <summary>Messages of a sync session that a newer session between the same two devices replaced.</summary>
    public int Stale { get; set; }

    public int Partitions { get; set; }

    public int Crashes { get; set; }

    public int SessionsStarted { get; set; }

    public long HealedAtMs { get; set; }

    public long ConvergedAtMs { get; set; } = -1;

    public long VirtualMs { get; set; }

    public override string ToString() =>
        $"SIM seed={Seed} devices={Devices} events={EventsSent} rejected={EventsRejected} skipped_sends={SendsSkipped} messages={MessagesSent} "
        + $"delivered={Delivered} dropped={Dropped} duplicated={Duplicated} reordered={Reordered} "
        + $"partition_dropped={PartitionDropped} dead_lettered={DeadLettered} stale={Stale} partitions={Partitions} "
        + $"crashes={Crashes} sessions={SessionsStarted} healed_at_ms={HealedAtMs} converged_at_ms={ConvergedAtMs} "
        + $"virtual_ms={VirtualMs}";
}
