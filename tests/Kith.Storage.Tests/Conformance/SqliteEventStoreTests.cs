using Kith.Primitives.Errors;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteEventStoreTests : EventStoreConformance
{
    private ulong _seed = 700;

    protected override IEventStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteEventStore(database);
    }

    [Fact]
    public void A_log_rebuilt_from_the_store_after_close_and_reopen_has_the_same_order()
    {
        var samples = new EventSamples(seed: 74, members: 3);
        List<ConversationEvent> events = samples.Dag(40);
        ConversationLog original = samples.NewLog();
        using var folder = new TempFolder();
        using (KithDatabase database = TestStores.Create(folder, seed: 75))
        {
            var store = new SqliteEventStore(database);
            foreach (ConversationEvent e in events)
            {
                Assert.True(original.Add(e, EventSamples.Epoch + 1_000).IsOk);
                store.Append(samples.Conversation, e);
            }
        }

        using KithDatabase reopened = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(76)).Value;
        var reread = new SqliteEventStore(reopened);
        Assert.Equal(events.Count, reread.Count(samples.Conversation));
        ConversationLog rebuilt = samples.NewLog();
        foreach (ConversationEvent e in reread.All(samples.Conversation).Value)
        {
            Assert.Equal(EventAddOutcome.Accepted, rebuilt.Add(e, EventSamples.Epoch + 1_000).Value.Outcome);
        }

        Assert.Equal(original.Order(), rebuilt.Order());
        Assert.Equal(original.Heads, rebuilt.Heads);
    }

    [Fact]
    public void Events_appended_in_a_rejected_step_are_not_kept()
    {
        var samples = new EventSamples(seed: 77);
        List<ConversationEvent> events = samples.Dag(2);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 78);
        new SqliteEventStore(database).Append(samples.Conversation, events[0]);
        database.RunStep<int>(transaction =>
        {
            var store = new SqliteEventStore(transaction);
            store.Append(samples.Conversation, events[1]);
            Assert.Equal(2, store.Count(samples.Conversation));
            return KithError.Reject("test.rejected", "the step refused its input");
        });
        var after = new SqliteEventStore(database);
        Assert.Equal(1, after.Count(samples.Conversation));
        Assert.False(after.Contains(samples.Conversation, events[1].Id));
    }

    [Fact]
    public void An_event_copied_into_another_row_reads_as_corrupt()
    {
        var samples = new EventSamples(seed: 79);
        List<ConversationEvent> events = samples.Dag(2);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 80);
        var store = new SqliteEventStore(database);
        events.ForEach(e => store.Append(samples.Conversation, e));
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw,
                "UPDATE conversation_event SET event = (SELECT c.event FROM conversation_event c WHERE c.seq = 1) WHERE seq = 2");
        }

        Assert.Equal(events[0].ToBytes(), store.Get(samples.Conversation, events[0].Id).Value!.ToBytes());
        Assert.Equal(StorageErrors.CorruptValue, store.Get(samples.Conversation, events[1].Id).Error);
        Assert.Equal(StorageErrors.CorruptValue, store.All(samples.Conversation).Error);
    }

    [Fact]
    public void Events_reordered_in_the_file_read_as_corrupt()
    {
        var samples = new EventSamples(seed: 81);
        List<ConversationEvent> events = samples.Dag(2);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 82);
        var store = new SqliteEventStore(database);
        events.ForEach(e => store.Append(samples.Conversation, e));
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw, "UPDATE conversation_event SET seq = 3 - seq + 100");
            TestStores.Execute(raw, "UPDATE conversation_event SET seq = seq - 100");
        }

        Assert.Equal(StorageErrors.CorruptValue, store.All(samples.Conversation).Error);
    }
}
