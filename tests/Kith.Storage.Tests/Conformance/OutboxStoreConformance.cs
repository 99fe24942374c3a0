using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IOutboxStore"/> must do, run against each implementation.</summary>
public abstract class OutboxStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IOutboxStore CreateStore();

    protected static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    protected static EventId Item(byte fill) => EventId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    protected static OutboxEntry Entry(byte item, byte device, long next = 100, OutboxEntryState state = OutboxEntryState.Pending,
        byte[]? payload = null) =>
        new(Item(item), Device(device), 7, payload ?? [item, device], 50, 0, next, state);

    private static void AssertSame(OutboxEntry expected, OutboxEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Payload = default }, actual with { Payload = default });
        Assert.Equal(expected.Payload.ToArray(), actual.Payload.ToArray());
    }

    [Fact]
    public void An_added_entry_is_found_and_a_second_add_of_the_same_key_changes_nothing()
    {
        IOutboxStore store = CreateStore();
        Assert.Null(store.Find(Item(1), Device(1)).Value);
        Assert.True(store.Add(Entry(1, 1)));
        Assert.False(store.Add(Entry(1, 1, next: 5, payload: [9])));
        AssertSame(Entry(1, 1), store.Find(Item(1), Device(1)).Value);
        Assert.Null(store.Find(Item(1), Device(2)).Value);
        Assert.Equal(1, store.PendingCount());
    }

    [Fact]
    public void Update_replaces_the_entry_and_updating_a_missing_entry_is_a_caller_bug()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 1));
        OutboxEntry delivered = Entry(1, 1) with { State = OutboxEntryState.Delivered, Attempts = 3, Payload = ReadOnlyMemory<byte>.Empty };
        store.Update(delivered);
        AssertSame(delivered, store.Find(Item(1), Device(1)).Value);
        Assert.Equal(0, store.PendingCount());
        Assert.Throws<InvalidOperationException>(() => store.Update(Entry(2, 2)));
    }

    [Fact]
    public void Due_lists_pending_entries_due_now_earliest_first_then_in_enqueue_order()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 1, next: 300));
        store.Add(Entry(2, 1, next: 100));
        store.Add(Entry(3, 2, next: 100));
        store.Add(Entry(4, 2, next: 50, state: OutboxEntryState.Delivered));
        store.Add(Entry(5, 2, next: 301));
        Assert.Equal([Item(2), Item(3), Item(1)], store.Due(300, 10).Value.Select(e => e.Item));
        Assert.Equal([Item(2)], store.Due(300, 1).Value.Select(e => e.Item));
        Assert.Empty(store.Due(99, 10).Value);
        Assert.Equal(100, store.NextAttemptUnixMs());
    }

    [Fact]
    public void PendingFor_lists_one_devices_pending_entries_in_enqueue_order_due_or_not()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 1, next: 900));
        store.Add(Entry(2, 2, next: 10));
        store.Add(Entry(3, 1, next: 10));
        store.Add(Entry(4, 1, state: OutboxEntryState.Seen));
        Assert.Equal([Item(1), Item(3)], store.PendingFor(Device(1), 10).Value.Select(e => e.Item));
        Assert.Equal([Item(1)], store.PendingFor(Device(1), 1).Value.Select(e => e.Item));
        Assert.Empty(store.PendingFor(Device(3), 10).Value);
    }

    [Fact]
    public void Hasten_makes_one_devices_later_pending_entries_due_now_and_nothing_else()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 1, next: 900));
        store.Add(Entry(2, 1, next: 10));
        store.Add(Entry(3, 1, next: 900, state: OutboxEntryState.Delivered));
        store.Add(Entry(4, 2, next: 900));
        Assert.Equal(1, store.Hasten(Device(1), 100));
        Assert.Equal([Item(2), Item(1)], store.Due(100, 10).Value.Select(e => e.Item));
        Assert.Equal(100, store.Find(Item(1), Device(1)).Value!.NextAttemptUnixMs);
        Assert.Equal(900, store.Find(Item(3), Device(1)).Value!.NextAttemptUnixMs);
        Assert.Equal(900, store.Find(Item(4), Device(2)).Value!.NextAttemptUnixMs);
    }

    [Fact]
    public void WithdrawPending_removes_one_devices_pending_entries_and_keeps_what_it_received()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 1, next: 900));
        store.Add(Entry(2, 1, next: 10));
        store.Add(Entry(3, 1, next: 900, state: OutboxEntryState.Delivered));
        store.Add(Entry(1, 2, next: 10));
        Assert.Equal(2, store.WithdrawPending(Device(1)));
        Assert.Empty(store.PendingFor(Device(1), 10).Value);
        Assert.Null(store.Find(Item(1), Device(1)).Value);
        Assert.Equal(OutboxEntryState.Delivered, store.Find(Item(3), Device(1)).Value!.State);
        Assert.Equal([Device(2)], store.ForItem(Item(1)).Value.Select(e => e.Recipient));
        Assert.Equal(1, store.PendingCount());
        Assert.Equal(0, store.WithdrawPending(Device(1)));
    }

    [Fact]
    public void ForItem_lists_every_recipients_entry_whatever_its_state()
    {
        IOutboxStore store = CreateStore();
        store.Add(Entry(1, 3));
        store.Add(Entry(1, 1, state: OutboxEntryState.Delivered));
        store.Add(Entry(2, 1));
        Assert.Equal([Device(3), Device(1)], store.ForItem(Item(1)).Value.Select(e => e.Recipient));
        Assert.Empty(store.ForItem(Item(9)).Value);
    }

    [Fact]
    public void Nothing_pending_has_no_next_attempt()
    {
        IOutboxStore store = CreateStore();
        Assert.Null(store.NextAttemptUnixMs());
        store.Add(Entry(1, 1, state: OutboxEntryState.Delivered));
        Assert.Null(store.NextAttemptUnixMs());
        Assert.Equal(0, store.PendingCount());
    }

    [Fact]
    public void The_store_keeps_its_own_copies_and_the_largest_payload_round_trips()
    {
        IOutboxStore store = CreateStore();
        byte[] payload = new byte[Limits.MaxDeliveryPayloadBytes];
        new Random(5).NextBytes(payload);
        byte[] given = (byte[])payload.Clone();
        store.Add(Entry(1, 1, payload: given));
        given[0] ^= 1;
        Assert.Equal(payload, store.Find(Item(1), Device(1)).Value!.Payload.ToArray());
    }
}
