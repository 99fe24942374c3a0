using Kith.Primitives;
using Kith.Simulation.Network;

namespace Kith.Simulation.World;

/// <summary>The shape of one run: how long the faulty phase lasts, how often things go wrong, and the liveness bound.</summary>
internal sealed record SimOptions
{
    /// <summary>Accounts in the conversation; each gets 2 or 3 devices (chosen by the seed).</summary>
    public int Accounts { get; init; } = 3;

    public int MinDevicesPerAccount { get; init; } = 2;

    public int MaxDevicesPerAccount { get; init; } = 3;

    /// <summary>Messages written at random times and by random devices during the faulty phase.</summary>
    public int Messages { get; init; } = 60;

    public long FaultyPhaseMs { get; init; } = 60_000;

    /// <summary>After healing, the run must converge within this much virtual time or it fails.</summary>
    public long ConvergenceBoundMs { get; init; } = 120_000;

    /// <summary>How often the convergence check runs after healing.</summary>
    public long ConvergenceCheckMs { get; init; } = 250;

    /// <summary>
    /// The transport's session timeout: every device restarts its sync session with every peer this often
    /// (plus jitter), which recovers lost messages as SyncSession's README prescribes.
    /// </summary>
    public long SyncIntervalMs { get; init; } = 2_000;

    /// <summary>Mean time between crashes of one device during the faulty phase.</summary>
    public long MeanCrashIntervalMs { get; init; } = 20_000;

    public long MinDowntimeMs { get; init; } = 200;

    public long MaxDowntimeMs { get; init; } = 5_000;

    public long MinPartitionGapMs { get; init; } = 2_000;

    public long MaxPartitionGapMs { get; init; } = 10_000;

    public long MinPartitionMs { get; init; } = 1_000;

    public long MaxPartitionMs { get; init; } = 10_000;

    /// <summary>Each device's clock is off by up to this much either way (well inside Limits.MaxEventClockSkewMs).</summary>
    public long MaxClockSkewMs { get; init; } = 3_000;

    /// <summary>
    /// Cuts the last device off from every other for the whole faulty phase, so after healing it must catch up
    /// on a gap larger than one answer's offered ancestors (a long partition, or a device offline for days).
    /// </summary>
    public bool IsolateLastDevice { get; init; }

    /// <summary>Capacity of each log's pending set; a small one makes catching up evict and ask again.</summary>
    public int MaxPendingEvents { get; init; } = Limits.MaxPendingEvents;

    public FaultProfile Faults { get; init; } = new();

    /// <summary>
    /// Revokes device 0 halfway through the faulty phase; it does not learn of it and keeps writing. Its events
    /// stamped after the revocation must be rejected by every other replica alike, and the others must still converge.
    /// </summary>
    public bool RevokeFirstDeviceMidRun { get; init; }
}
