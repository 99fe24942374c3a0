using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Delivery;

/// <summary>
/// The delivery rules over one step's <see cref="IOutboxStore"/> (issue 5: "a persistent outbox; ... a device
/// acknowledges once it has committed the event; unacknowledged events are resent with backoff, across
/// restarts, forever"). Sans-IO: it decides what to send and records the attempt; the caller sends after the
/// step commits, so an attempt is recorded before its frame leaves and a crash in between only means one more
/// resend (at least once), never a lost item.
/// </summary>
public sealed class Outbox
{
    private readonly IOutboxStore _store;

    /// <summary>The rules over <paramref name="store"/> (the running step's store).</summary>
    public Outbox(IOutboxStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// Adds one entry per copy, due at once. An entry that already exists for the same item and recipient is
    /// kept as it is (enqueueing is idempotent). Returns how many entries were added. More than
    /// <see cref="Limits.MaxDeliveryRecipients"/> copies, a recipient twice or an oversized payload is a caller bug and throws.
    /// </summary>
    public int Enqueue(EventId item, byte kind, IReadOnlyCollection<OutboundCopy> copies, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(copies);
        if (copies.Count > Limits.MaxDeliveryRecipients)
        {
            throw new ArgumentException($"An item goes to at most {Limits.MaxDeliveryRecipients} devices.", nameof(copies));
        }

        if (copies.Select(copy => copy.Recipient).Distinct().Count() != copies.Count)
        {
            throw new ArgumentException("Each recipient device gets one copy of an item.", nameof(copies));
        }

        if (copies.Any(copy => copy.Payload.Length > Limits.MaxDeliveryPayloadBytes))
        {
            throw new ArgumentException($"A delivered payload is at most {Limits.MaxDeliveryPayloadBytes} bytes.", nameof(copies));
        }

        int added = 0;
        foreach (OutboundCopy copy in copies)
        {
            var entry = new OutboxEntry(item, copy.Recipient, kind, copy.Payload, nowUnixMs, 0, nowUnixMs, OutboxEntryState.Pending);
            added += _store.Add(entry) ? 1 : 0;
        }

        return added;
    }

    /// <summary>
    /// Takes the entries due at <paramref name="nowUnixMs"/> (at most <see cref="Limits.MaxDeliveryFlushBatch"/>)
    /// for sending: each attempt is counted and its next attempt scheduled by <see cref="DeliveryBackoff"/>.
    /// </summary>
    public Result<IReadOnlyList<OutboxEntry>> TakeDue(long nowUnixMs, IRandomSource random) =>
        Take(_store.Due(nowUnixMs, Limits.MaxDeliveryFlushBatch), nowUnixMs, random);

    /// <summary>
    /// Makes every pending entry for <paramref name="recipient"/> due at once: the device just connected, so
    /// waiting out a backoff meant for an unreachable device would only add latency. <see cref="TakeDue"/> then
    /// sends them, in enqueue order, a batch per step.
    /// </summary>
    public int Hasten(DeviceId recipient, long nowUnixMs) => _store.Hasten(recipient, nowUnixMs);

    /// <summary>
    /// Gives up, on purpose, every pending copy for <paramref name="recipient"/>: a device that was revoked must get
    /// nothing more (PROTOCOL.md, property 5), and its copies would otherwise wait for an acknowledgement that can
    /// never come. An item's delivery state then counts only the recipients left. Returns how many were withdrawn.
    /// </summary>
    public int Withdraw(DeviceId recipient) => _store.WithdrawPending(recipient);

    /// <summary>
    /// Records that <paramref name="from"/> committed <paramref name="items"/>: their entries for it stop being
    /// resent and drop their payload. Ids it was never sent, or already acknowledged, change nothing. Returns the
    /// items whose state changed.
    /// </summary>
    public Result<IReadOnlyList<EventId>> Acknowledge(DeviceId from, IEnumerable<EventId> items) =>
        Advance(from, items, OutboxEntryState.Delivered);

    /// <summary>Records that the person at <paramref name="from"/> saw <paramref name="items"/> (implies delivered).</summary>
    public Result<IReadOnlyList<EventId>> MarkSeen(DeviceId from, IEnumerable<EventId> items) =>
        Advance(from, items, OutboxEntryState.Seen);

    /// <summary>The item's delivery state: queued, delivered to n of m devices, or seen.</summary>
    public Result<DeliveryState> StateOf(EventId item) => _store.ForItem(item).Map(DeliveryState.Of);

    private Result<IReadOnlyList<OutboxEntry>> Take(Result<IReadOnlyList<OutboxEntry>> found, long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!found.TryGet(out IReadOnlyList<OutboxEntry>? entries, out KithError? error))
        {
            return Result<IReadOnlyList<OutboxEntry>>.Fail(error);
        }

        var taken = new List<OutboxEntry>(entries.Count);
        foreach (OutboxEntry entry in entries)
        {
            // Saturates rather than overflows: at the capped delay, int.MaxValue attempts is 20,000 years.
            int attempts = entry.Attempts == int.MaxValue ? int.MaxValue : entry.Attempts + 1;
            OutboxEntry sent = entry with
            {
                Attempts = attempts,
                NextAttemptUnixMs = checked(nowUnixMs + DeliveryBackoff.DelayMs(attempts, random)),
            };
            _store.Update(sent);
            taken.Add(sent);
        }

        return taken;
    }

    private Result<IReadOnlyList<EventId>> Advance(DeviceId from, IEnumerable<EventId> items, OutboxEntryState state)
    {
        ArgumentNullException.ThrowIfNull(items);
        var changed = new List<EventId>();
        foreach (EventId item in items.Distinct())
        {
            if (!_store.Find(item, from).TryGet(out OutboxEntry? entry, out KithError? error))
            {
                return Result<IReadOnlyList<EventId>>.Fail(error);
            }

            if (entry is null || entry.State >= state)
            {
                continue;
            }

            _store.Update(entry with { State = state, Payload = ReadOnlyMemory<byte>.Empty });
            changed.Add(item);
        }

        return changed;
    }

    /// <summary>Names the type only.</summary>
    public override string ToString() => nameof(Outbox);
}
