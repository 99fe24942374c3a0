using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Delivery;

/// <summary>
/// Where a device keeps its outbox: one <see cref="OutboxEntry"/> per (item, recipient device), kept after
/// delivery (without payload) so the item's delivery state can be shown. <see cref="InMemoryOutboxStore"/>
/// ships beside it; a SQLite store keeps one encrypted row per entry. The <see cref="Outbox"/> holds the rules;
/// the store only keeps and finds entries.
/// </summary>
/// <remarks>
/// Listings are in enqueue order (<see cref="Due"/>: by next attempt time, then enqueue order), so a device
/// receives one sender's items in the order they were written whenever nothing is lost. Reads return
/// <c>storage.corrupt_value</c> when a stored entry cannot be read back intact.
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Stores a new entry; <c>false</c> (and nothing changes) when one with the same item and recipient exists.</summary>
    bool Add(OutboxEntry entry);

    /// <summary>Replaces the stored entry with the same item and recipient; throws when there is none (a caller bug).</summary>
    void Update(OutboxEntry entry);

    /// <summary>The entry of <paramref name="item"/> for <paramref name="recipient"/>, or <c>null</c>.</summary>
    Result<OutboxEntry?> Find(EventId item, DeviceId recipient);

    /// <summary>Every entry of <paramref name="item"/>, one per recipient, in enqueue order.</summary>
    Result<IReadOnlyList<OutboxEntry>> ForItem(EventId item);

    /// <summary>At most <paramref name="max"/> pending entries due at <paramref name="nowUnixMs"/>, earliest first.</summary>
    Result<IReadOnlyList<OutboxEntry>> Due(long nowUnixMs, int max);

    /// <summary>At most <paramref name="max"/> pending entries for <paramref name="recipient"/>, due or not, in enqueue order.</summary>
    Result<IReadOnlyList<OutboxEntry>> PendingFor(DeviceId recipient, int max);

    /// <summary>
    /// Makes every pending entry for <paramref name="recipient"/> that is due later due at <paramref name="nowUnixMs"/>
    /// (the device just connected); returns how many changed.
    /// </summary>
    int Hasten(DeviceId recipient, long nowUnixMs);

    /// <summary>
    /// Removes every pending entry for <paramref name="recipient"/> (a device revoked or no longer a recipient);
    /// delivered and seen entries stay, as the record of what it did receive. Returns how many were removed.
    /// </summary>
    int WithdrawPending(DeviceId recipient);

    /// <summary>The earliest next attempt time of any pending entry, or <c>null</c> when nothing is pending.</summary>
    long? NextAttemptUnixMs();

    /// <summary>Number of pending entries.</summary>
    long PendingCount();
}
