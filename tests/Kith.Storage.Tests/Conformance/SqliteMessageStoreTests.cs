using Kith.Primitives.Errors;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteMessageStoreTests : MessageStoreConformance
{
    private ulong _seed = 310;

    protected override IMessageStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteMessageStore(database);
    }

    [Fact]
    public void Messages_survive_closing_and_reopening_the_store()
    {
        var samples = new MessageSamples(seed: 320);
        List<ShownMessage> messages = samples.Messages(3);
        using var folder = new TempFolder();
        using (KithDatabase database = TestStores.Create(folder, seed: 321))
        {
            var store = new SqliteMessageStore(database);
            messages.ForEach(m => store.Put(samples.Conversation, m));
        }

        using KithDatabase reopened = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(322)).Value;
        IReadOnlyList<ShownMessage> latest = new SqliteMessageStore(reopened).Latest(samples.Conversation, 10).Value;
        Assert.Equal(3, latest.Count);
        for (int i = 0; i < 3; i++)
        {
            MessageSamples.AssertSame(messages[i], latest[i]);
        }
    }

    [Fact]
    public void Latest_reads_a_range_of_the_position_index()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 323);
        using SqliteConnection raw = TestStores.Raw(database.FilePath);
        using var explain = new SqliteCommand("""
            EXPLAIN QUERY PLAN SELECT id, position, message FROM message
            WHERE conversation = $conversation AND position < $before ORDER BY position DESC LIMIT $count
            """, raw);
        explain.Parameters.AddWithValue("$conversation", new byte[32]);
        explain.Parameters.AddWithValue("$before", 10L);
        explain.Parameters.AddWithValue("$count", 50);
        using SqliteDataReader reader = explain.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        // One search of the index, no table scan and no sort step.
        Assert.Equal(["SEARCH message USING INDEX message_by_position (conversation=? AND position<?)"], plan);
    }

    [Fact]
    public void A_message_copied_into_another_row_reads_as_corrupt()
    {
        var samples = new MessageSamples(seed: 324);
        List<ShownMessage> messages = samples.Messages(2);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 325);
        var store = new SqliteMessageStore(database);
        messages.ForEach(m => store.Put(samples.Conversation, m));
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw,
                "UPDATE message SET message = (SELECT c.message FROM message c WHERE c.position = 0) WHERE position = 1");
        }

        MessageSamples.AssertSame(messages[0], store.Get(samples.Conversation, messages[0].Id).Value);
        Assert.Equal(StorageErrors.CorruptValue, store.Get(samples.Conversation, messages[1].Id).Error);
        Assert.Equal(StorageErrors.CorruptValue, store.Latest(samples.Conversation, 10).Error);
    }

    [Fact]
    public void Messages_put_in_a_rejected_step_are_not_kept()
    {
        var samples = new MessageSamples(seed: 326);
        List<ShownMessage> messages = samples.Messages(2);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 327);
        new SqliteMessageStore(database).Put(samples.Conversation, messages[0]);
        database.RunStep<int>(transaction =>
        {
            var store = new SqliteMessageStore(transaction);
            store.Put(samples.Conversation, messages[1]);
            store.Reposition(samples.Conversation, [(messages[0].Id, 9)]);
            Assert.Equal(2, store.Count(samples.Conversation));
            return KithError.Reject("test.rejected", "the step refused its input");
        });
        var after = new SqliteMessageStore(database);
        Assert.Equal(1, after.Count(samples.Conversation));
        MessageSamples.AssertSame(messages[0], after.Get(samples.Conversation, messages[0].Id).Value);
    }
}
