namespace Kith.Simulation.Network;

/// <summary>
/// How badly the links behave before the network heals (issue 4, "Tests": links that drop 20%, duplicate 5%,
/// reorder and partition). Percentages apply to each message independently.
/// </summary>
internal sealed record FaultProfile
{
    public int DropPercent { get; init; } = 20;

    public int DuplicatePercent { get; init; } = 5;

    /// <summary>Share of messages held back by up to <see cref="MaxHoldBackMs"/>, so later ones overtake them.</summary>
    public int HoldBackPercent { get; init; } = 10;

    public int MaxHoldBackMs { get; init; } = 3_000;

    /// <summary>Every message's latency is uniform in [MinLatencyMs, MaxLatencyMs], which alone reorders some.</summary>
    public int MinLatencyMs { get; init; } = 5;

    public int MaxLatencyMs { get; init; } = 80;
}
