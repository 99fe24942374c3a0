using System.Text;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// Deletion removes content for real (Messaging README, decision 8): once a removal commits, the bytes the
/// store wrote for the removed row (its encrypted value and its blind-indexed id) are in neither the database
/// file nor its WAL, whether or not the row had been checkpointed into the main file before.
/// </summary>
public sealed class DeletedBytesTests
{
    private static readonly EventSamples Samples = new(seed: 90);
    private static readonly List<ConversationEvent> Events = Samples.Dag(3);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_removed_event_leaves_no_stored_bytes_in_the_database_or_its_wal(bool checkpointFirst)
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 91);
        var store = new SqliteEventStore(database);
        store.AppendMany(Samples.Conversation, Events);
        List<byte[]> doomed = StoredRow(database.FilePath, "conversation_event", "id", "event", "seq", 2);
        List<byte[]> kept = StoredRow(database.FilePath, "conversation_event", "id", "event", "seq", 1);
        if (checkpointFirst)
        {
            database.Checkpoint();
        }

        // The control: before the removal the scan finds the row's bytes.
        Assert.NotEmpty(Hits(database.FilePath, doomed));

        Assert.True(store.Remove(Samples.Conversation, Events[1].Id));

        Assert.Empty(Hits(database.FilePath, doomed));
        Assert.NotEmpty(Hits(database.FilePath, kept));
        Assert.Equal([Events[0].Id, Events[2].Id], store.All(Samples.Conversation).Value.Select(e => e.Id));
    }

    [Fact]
    public async Task A_removal_committed_by_the_group_committer_leaves_no_stored_bytes_either()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 94);
        new SqliteEventStore(database).AppendMany(Samples.Conversation, Events);
        List<byte[]> doomed = StoredRow(database.FilePath, "conversation_event", "id", "event", "seq", 2);
        Assert.NotEmpty(Hits(database.FilePath, doomed));

        bool removed = await new GroupCommitter(database).RunAsync(transaction =>
            new SqliteEventStore(transaction).Remove(Samples.Conversation, Events[1].Id));

        Assert.True(removed);
        Assert.Empty(Hits(database.FilePath, doomed));
    }

    [Fact]
    public void A_removed_message_leaves_no_stored_bytes_in_the_database_or_its_wal()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 92);
        var conversation = ConversationId.FromBytes(new byte[32]);
        var messages = new SqliteMessageStore(database);
        var doomedId = EventId.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        messages.Put(conversation, new ShownMessage(doomedId, DeviceId.FromBytes(new byte[32]), EventSamples.Epoch, 0,
            Encoding.UTF8.GetBytes("delete me")));
        List<byte[]> doomed = StoredRow(database.FilePath, "message", "id", "message", "position", 1);
        Assert.NotEmpty(Hits(database.FilePath, doomed));

        Assert.True(messages.Remove(conversation, doomedId));

        Assert.Empty(Hits(database.FilePath, doomed));
    }

    [Fact]
    public void A_removal_rolled_back_with_its_step_keeps_the_row()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 93);
        new SqliteEventStore(database).AppendMany(Samples.Conversation, Events);
        database.RunStep<int>(transaction =>
        {
            Assert.True(new SqliteEventStore(transaction).Remove(Samples.Conversation, Events[1].Id));
            return Kith.Primitives.Errors.KithError.Reject("test.rejected", "the step refused its input");
        });
        Assert.True(new SqliteEventStore(database).Contains(Samples.Conversation, Events[1].Id));
    }

    /// <summary>The raw (index, value) bytes of the row at <paramref name="ordinal"/> (1-based), as an attacker reads them.</summary>
    private static List<byte[]> StoredRow(string path, string table, string indexColumn, string valueColumn, string orderColumn, int ordinal)
    {
        using SqliteConnection raw = TestStores.Raw(path);
        using var command = new SqliteCommand(
            $"SELECT {indexColumn}, {valueColumn} FROM {table} ORDER BY {orderColumn} LIMIT 1 OFFSET {ordinal - 1}", raw);
        using SqliteDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read());
        byte[] value = reader.GetFieldValue<byte[]>(1);
        // The value is long and random: its head and tail would each betray a partly overwritten copy.
        return [reader.GetFieldValue<byte[]>(0), value[..24], value[^24..]];
    }

    private static List<string> Hits(string databasePath, List<byte[]> needles) =>
        StoreFileScan.Hits(databasePath, needles.Select((bytes, i) => ($"needle {i}", bytes)), "-wal");
}
