using Kith.Protocol.Delivery;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

public sealed class OutboxStoreSqliteTests : OutboxStoreConformance
{
    private ulong _seed = 700;

    protected override IOutboxStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteOutboxStore(database);
    }

    [Fact]
    public void A_row_whose_plain_state_was_changed_reads_as_corrupt()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 70);
        var store = new SqliteOutboxStore(database);
        store.Add(Entry(1, 1, next: 500));
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw, "UPDATE outbox SET state = 2");
        }

        Assert.Equal(StorageErrors.CorruptValue, store.Find(Item(1), Device(1)).Error);
    }

    [Fact]
    public void An_entry_moved_to_another_row_reads_as_corrupt()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 71);
        var store = new SqliteOutboxStore(database);
        store.Add(Entry(1, 1));
        store.Add(Entry(2, 1));
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw, "UPDATE outbox SET entry = (SELECT entry FROM outbox WHERE seq = 1) WHERE seq = 2");
        }

        Assert.True(store.Find(Item(1), Device(1)).IsOk);
        Assert.Equal(StorageErrors.CorruptValue, store.Find(Item(2), Device(1)).Error);
    }

    [Fact]
    public void No_item_device_or_payload_is_readable_in_the_file()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 72);
        byte[] canary = "outbox canary payload"u8.ToArray();
        new SqliteOutboxStore(database).Add(Entry(0xA5, 0x5A, payload: canary));
        database.Checkpoint();
        byte[] file = File.ReadAllBytes(database.FilePath);
        Assert.Equal(-1, file.AsSpan().IndexOf(canary));
        Assert.Equal(-1, file.AsSpan().IndexOf(Item(0xA5).Span));
        Assert.Equal(-1, file.AsSpan().IndexOf(Device(0x5A).Span));
    }

    [Fact]
    public void A_step_that_throws_keeps_none_of_its_outbox_or_state_writes()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 73);
        var runner = new SqliteStepRunner(database);
        Assert.Throws<InvalidOperationException>(() => runner.Run<int>(stores =>
        {
            stores.Outbox.Add(Entry(1, 1));
            stores.State.Write("delivery.inbox", [1], [1]);
            throw new InvalidOperationException("the step failed");
        }));
        runner.Run(stores =>
        {
            Assert.Null(stores.Outbox.Find(Item(1), Device(1)).Value);
            Assert.Null(stores.State.Read("delivery.inbox", [1]).Value);
            stores.Outbox.Add(Entry(2, 2));
            return 0;
        });
        Assert.NotNull(new SqliteOutboxStore(database).Find(Item(2), Device(2)).Value);
    }
}
