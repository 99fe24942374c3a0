using System.Buffers.Binary;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

/// <summary>
/// Event ids have no index of their own in <see cref="SqliteEventStore"/> (migration 8): appends write pages near
/// the conversation's end instead of one random page each, lookups by id read the conversation's entries of the
/// by-seq index, and an id appended twice (a caller bug, <see cref="IEventStore"/> remarks) reads back as the
/// duplicate a rebuilt log ignores.
/// </summary>
public sealed class SqliteEventIdTests
{
    private const int StoredBefore = 20_000;
    private const int Appended = 200;

    [Fact]
    public void A_commit_of_many_appends_writes_pages_near_the_end_not_one_random_page_per_event()
    {
        var samples = new EventSamples(seed: 110);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 111);
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            // Rows of another conversation with random ids, as a store in use holds: an index of random ids this
            // large has many more leaves than one commit appends events.
            TestStores.Execute(raw, $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {StoredBefore})
                INSERT INTO conversation_event (conversation, seq, id, event) SELECT zeroblob(32), i, randomblob(32), randomblob(300) FROM n
                """);
        }

        database.Checkpoint();
        List<ConversationEvent> events = [.. Enumerable.Range(0, Appended).Select(i => samples.Write(0, [], EventSamples.Epoch + i))];
        new SqliteEventStore(database).AppendMany(samples.Conversation, events);

        // 27 frames measured: pages of rows and of the by-seq index, near their ends. With a unique index on the
        // random ids (before migration 8) the same commit wrote 184: one more leaf of that index for most events.
        Assert.InRange(WalFrames(database.FilePath), 1, Appended / 5);
    }

    [Fact]
    public void Lookups_by_id_search_the_conversations_entries_of_the_by_seq_index()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 112);
        using SqliteConnection raw = TestStores.Raw(database.FilePath);
        foreach (string lookup in new[]
        {
            "SELECT seq, event FROM conversation_event WHERE conversation = $conversation AND id = $id",
            "DELETE FROM conversation_event WHERE conversation = $conversation AND id = $id",
        })
        {
            using var explain = new SqliteCommand("EXPLAIN QUERY PLAN " + lookup, raw);
            explain.Parameters.AddWithValue("$conversation", new byte[32]);
            explain.Parameters.AddWithValue("$id", new byte[32]);
            using SqliteDataReader reader = explain.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal("SEARCH conversation_event USING INDEX conversation_event_by_seq (conversation=?)", reader.GetString(3));
            Assert.False(reader.Read());
        }
    }

    [Fact]
    public void An_event_appended_twice_by_a_caller_bug_reads_back_as_a_duplicate_that_a_rebuilt_log_ignores()
    {
        var samples = new EventSamples(seed: 113);
        List<ConversationEvent> events = samples.Dag(3);
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 114);
        var store = new SqliteEventStore(database);
        store.AppendMany(samples.Conversation, [events[0], events[1], events[0], events[2]]);

        Assert.Equal([events[0].Id, events[1].Id, events[0].Id, events[2].Id], store.All(samples.Conversation).Value.Select(e => e.Id));
        ConversationLog original = samples.NewLog();
        events.ForEach(e => Assert.True(original.Add(e, EventSamples.Epoch + 1_000).IsOk));
        ConversationLog rebuilt = samples.NewLog();
        Assert.Equal(
            [EventAddOutcome.Accepted, EventAddOutcome.Accepted, EventAddOutcome.Duplicate, EventAddOutcome.Accepted],
            store.All(samples.Conversation).Value.Select(e => rebuilt.Add(e, EventSamples.Epoch + 1_000).Value.Outcome));
        Assert.Equal(original.Order(), rebuilt.Order());
        Assert.True(store.Remove(samples.Conversation, events[0].Id));
        Assert.Equal([events[1].Id, events[2].Id], store.All(samples.Conversation).Value.Select(e => e.Id));
    }

    /// <summary>Frames in the WAL next to <paramref name="databasePath"/>: 32 header bytes, then per frame 24 bytes and a page (https://sqlite.org/fileformat2.html#walformat).</summary>
    private static long WalFrames(string databasePath)
    {
        byte[] wal = File.ReadAllBytes(databasePath + "-wal");
        int pageSize = checked((int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8, 4)));
        return (wal.Length - 32) / (24 + pageSize);
    }
}
