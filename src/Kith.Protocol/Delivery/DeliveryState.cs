namespace Kith.Protocol.Delivery;

/// <summary>
/// The delivery state of one item (issue 5: "queued, delivered to n of m devices, seen"), computed from the
/// outbox entries that share its id.
/// </summary>
/// <param name="Devices">m: the devices it was enqueued for.</param>
/// <param name="Delivered">n: the devices that acknowledged it (seen ones included).</param>
/// <param name="Seen">The devices whose person reported seeing it.</param>
public readonly record struct DeliveryState(int Devices, int Delivered, int Seen)
{
    /// <summary>Seen when any device reported it seen, delivered when any acknowledged it, queued otherwise.</summary>
    public DeliveryStatus Status => Seen > 0 ? DeliveryStatus.Seen : Delivered > 0 ? DeliveryStatus.Delivered : DeliveryStatus.Queued;

    /// <summary>Whether every device it was enqueued for acknowledged it.</summary>
    public bool IsComplete => Devices > 0 && Delivered == Devices;

    /// <summary>Computes the state from an item's entries.</summary>
    public static DeliveryState Of(IEnumerable<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int devices = 0, delivered = 0, seen = 0;
        foreach (OutboxEntry entry in entries)
        {
            devices++;
            delivered += entry.IsPending ? 0 : 1;
            seen += entry.State == OutboxEntryState.Seen ? 1 : 0;
        }

        return new DeliveryState(devices, delivered, seen);
    }

    /// <summary>"queued (0 of m)", "delivered (n of m)" or "seen (n of m)".</summary>
    public override string ToString() => $"{Status.ToString().ToLowerInvariant()} ({Delivered} of {Devices})";
}
