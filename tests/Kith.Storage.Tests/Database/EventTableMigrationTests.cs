using Kith.Storage.Database;
using Kith.Storage.Migrations;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// Migration 7 moves <c>conversation_event</c> from migration 4's WITHOUT ROWID table to a rowid table, and
/// migration 8 takes the ids' own index away: a store written before them reads the same events, in the same
/// order, and keeps appending after them.
/// </summary>
public sealed class EventTableMigrationTests
{
    [Fact]
    public void Events_stored_in_the_version_6_table_read_and_append_the_same_after_migrations_7_and_8()
    {
        var first = new EventSamples(seed: 90);
        var second = new EventSamples(seed: 91);
        List<ConversationEvent> firstEvents = first.Dag(9);
        List<ConversationEvent> secondEvents = second.Dag(5);
        using var folder = new TempFolder();
        string path;
        using (KithDatabase database = TestStores.Create(folder, seed: 92))
        {
            path = database.FilePath;
            var store = new SqliteEventStore(database);
            // Interleaved, so the two conversations' rows alternate in the file as they would in use.
            for (int i = 0; i < firstEvents.Count - 1; i++)
            {
                store.Append(first.Conversation, firstEvents[i]);
                if (i < secondEvents.Count)
                {
                    store.Append(second.Conversation, secondEvents[i]);
                }
            }
        }

        using (SqliteConnection raw = TestStores.Raw(path))
        {
            RebuildAsVersion6(raw);
            Assert.Equal(6L, TestStores.Scalar(raw, "PRAGMA user_version"));
            Assert.Contains("WITHOUT ROWID", (string)TestStores.Scalar(raw, "SELECT sql FROM sqlite_schema WHERE name = 'conversation_event'")!,
                StringComparison.Ordinal);
        }

        using KithDatabase migrated = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(93)).Value;
        var events = new SqliteEventStore(migrated);
        Assert.Equal(firstEvents[..^1].Select(e => e.Id), events.All(first.Conversation).Value.Select(e => e.Id));
        Assert.Equal(secondEvents.Select(e => e.Id), events.All(second.Conversation).Value.Select(e => e.Id));
        Assert.Equal(secondEvents[2].ToBytes(), events.Get(second.Conversation, secondEvents[2].Id).Value!.ToBytes());

        // The next arrival takes the position after the migrated rows, and a migrated event is found by its id.
        events.Append(first.Conversation, firstEvents[^1]);
        Assert.True(events.Remove(second.Conversation, secondEvents[1].Id));
        Assert.Equal([secondEvents[0].Id, .. secondEvents[2..].Select(e => e.Id)], events.All(second.Conversation).Value.Select(e => e.Id));
        Assert.Equal(firstEvents.Select(e => e.Id), events.All(first.Conversation).Value.Select(e => e.Id));

        using SqliteConnection after = TestStores.Raw(path);
        Assert.Equal(8L, TestStores.Scalar(after, "PRAGMA user_version"));
        Assert.Equal(0L, TestStores.Scalar(after, "SELECT count(*) FROM sqlite_schema WHERE name IN ('conversation_event_v4', 'conversation_event_v7')"));
        // The by-seq index only: no index of SQLite's own for a UNIQUE id column either.
        Assert.Equal(["conversation_event_by_seq"],
            TestStores.Column<string>(after, "SELECT name FROM pragma_index_list('conversation_event') ORDER BY name"));
        Assert.Equal((long)firstEvents.Count, TestStores.Scalar(after,
            "SELECT max(seq) FROM conversation_event GROUP BY conversation ORDER BY count(*) DESC LIMIT 1"));
    }

    /// <summary>
    /// Puts the rows back into the table migration 4 created (its own SQL), at user version 6: the file a store
    /// written before migration 7 has, with the same encrypted values, ids and positions.
    /// </summary>
    private static void RebuildAsVersion6(SqliteConnection raw)
    {
        using SqliteTransaction transaction = raw.BeginTransaction();
        Execute(raw, transaction, "CREATE TABLE saved AS SELECT conversation, seq, id, event FROM conversation_event");
        Execute(raw, transaction, "DROP TABLE conversation_event");
        Execute(raw, transaction, SchemaMigrations.All[3].Sql);
        Execute(raw, transaction, "INSERT INTO conversation_event (conversation, seq, id, event) SELECT conversation, seq, id, event FROM saved");
        Execute(raw, transaction, "DROP TABLE saved");
        Execute(raw, transaction, "PRAGMA user_version = 6");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection raw, SqliteTransaction transaction, string sql)
    {
        using var command = new SqliteCommand(sql, raw, transaction);
        command.ExecuteNonQuery();
    }
}
