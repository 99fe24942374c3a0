using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;

namespace Kith.Protocol.Tests.Delivery;

public sealed class OutboxTests
{
    private readonly InMemoryOutboxStore _store = new();
    private readonly Outbox _outbox;
    private readonly SeededRandomSource _random = new(7);

    public OutboxTests() => _outbox = new Outbox(_store);

    private static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static EventId Item(byte fill) => EventId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static OutboundCopy Copy(byte device) => new(Device(device), new byte[] { device });

    [Fact]
    public void Enqueue_adds_one_entry_per_device_due_at_once_and_is_idempotent()
    {
        Assert.Equal(2, _outbox.Enqueue(Item(1), 5, [Copy(1), Copy(2)], 1000));
        Assert.Equal(1, _outbox.Enqueue(Item(1), 5, [Copy(2), Copy(3)], 2000));
        OutboxEntry entry = _store.Find(Item(1), Device(2)).Value!;
        Assert.Equal((1000L, 1000L, 0, (byte)5), (entry.CreatedUnixMs, entry.NextAttemptUnixMs, entry.Attempts, entry.Kind));
        Assert.Equal([2], entry.Payload.ToArray());
        Assert.Equal(new DeliveryState(3, 0, 0), _outbox.StateOf(Item(1)).Value);
    }

    [Fact]
    public void Bad_enqueues_are_caller_bugs_and_add_nothing()
    {
        Assert.Throws<ArgumentException>(() => _outbox.Enqueue(Item(1), 0, [Copy(1), Copy(1)], 0));
        Assert.Throws<ArgumentException>(() => _outbox.Enqueue(Item(1), 0,
            [new OutboundCopy(Device(1), new byte[Limits.MaxDeliveryPayloadBytes + 1])], 0));
        Assert.Throws<ArgumentException>(() => _outbox.Enqueue(Item(1), 0,
            [.. Enumerable.Range(0, Limits.MaxDeliveryRecipients + 1).Select(i => new OutboundCopy(DeviceId.FromBytes(BitConverter.GetBytes((long)i).Concat(new byte[24]).ToArray()), default))], 0));
        Assert.Equal(0, _store.PendingCount());
    }

    [Fact]
    public void TakeDue_counts_each_attempt_and_schedules_the_next_by_the_backoff()
    {
        _outbox.Enqueue(Item(1), 0, [Copy(1)], 1000);
        OutboxEntry first = Assert.Single(_outbox.TakeDue(1000, _random).Value);
        Assert.Equal(1, first.Attempts);
        Assert.InRange(first.NextAttemptUnixMs, 1000 + (Limits.DeliveryBackoffBaseMs / 2), 1000 + Limits.DeliveryBackoffBaseMs);
        Assert.Empty(_outbox.TakeDue(first.NextAttemptUnixMs - 1, _random).Value);

        OutboxEntry second = Assert.Single(_outbox.TakeDue(first.NextAttemptUnixMs, _random).Value);
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.NextAttemptUnixMs - first.NextAttemptUnixMs, Limits.DeliveryBackoffBaseMs, 2 * Limits.DeliveryBackoffBaseMs);
        Assert.Equal(second, _store.Find(Item(1), Device(1)).Value! with { Payload = second.Payload });
    }

    [Fact]
    public void TakeDue_takes_at_most_one_batch()
    {
        for (int i = 0; i < Limits.MaxDeliveryFlushBatch + 3; i++)
        {
            _outbox.Enqueue(EventId.FromBytes(BitConverter.GetBytes(i).Concat(new byte[28]).ToArray()), 0, [Copy(1)], 0);
        }

        Assert.Equal(Limits.MaxDeliveryFlushBatch, _outbox.TakeDue(0, _random).Value.Count);
        Assert.Equal(3, _outbox.TakeDue(0, _random).Value.Count);
        Assert.Empty(_outbox.TakeDue(0, _random).Value);
    }

    [Fact]
    public void Hasten_makes_a_connected_devices_entries_due_now()
    {
        _outbox.Enqueue(Item(1), 0, [Copy(1), Copy(2)], 0);
        _outbox.TakeDue(0, _random);
        Assert.Equal(1, _outbox.Hasten(Device(1), 10));
        Assert.Equal(Device(1), Assert.Single(_outbox.TakeDue(10, _random).Value).Recipient);
    }

    [Fact]
    public void An_ack_stops_resending_to_that_device_only_and_drops_the_payload()
    {
        _outbox.Enqueue(Item(1), 0, [Copy(1), Copy(2)], 0);
        Assert.Equal([Item(1)], _outbox.Acknowledge(Device(1), [Item(1), Item(1), Item(9)]).Value);
        Assert.Empty(_outbox.Acknowledge(Device(1), [Item(1)]).Value);
        Assert.Empty(_outbox.Acknowledge(Device(3), [Item(1)]).Value);
        Assert.Equal(Device(2), Assert.Single(_outbox.TakeDue(0, _random).Value).Recipient);
        Assert.True(_store.Find(Item(1), Device(1)).Value!.Payload.IsEmpty);
        Assert.Equal(new DeliveryState(2, 1, 0), _outbox.StateOf(Item(1)).Value);
    }

    [Fact]
    public void Seen_implies_delivered_and_a_late_ack_does_not_lower_it()
    {
        _outbox.Enqueue(Item(1), 0, [Copy(1), Copy(2)], 0);
        Assert.Equal([Item(1)], _outbox.MarkSeen(Device(1), [Item(1)]).Value);
        Assert.Empty(_outbox.Acknowledge(Device(1), [Item(1)]).Value);
        DeliveryState state = _outbox.StateOf(Item(1)).Value;
        Assert.Equal(new DeliveryState(2, 1, 1), state);
        Assert.Equal(DeliveryStatus.Seen, state.Status);
        Assert.False(state.IsComplete);
    }

    [Fact]
    public void An_unknown_item_has_no_devices_and_is_queued()
    {
        DeliveryState state = _outbox.StateOf(Item(4)).Value;
        Assert.Equal((0, DeliveryStatus.Queued, false), (state.Devices, state.Status, state.IsComplete));
    }
}
