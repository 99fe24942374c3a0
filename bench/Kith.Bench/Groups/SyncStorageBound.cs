using System.Globalization;
using Kith.Crypto;
using Kith.Storage.Database;
using Microsoft.Data.Sqlite;

namespace Kith.Bench.Groups;

/// <summary>
/// What persisting the synced events costs at least, whatever the protocol: each encoding sealed with
/// XChaCha20-Poly1305 (as the store's value cipher does) and inserted with one prepared statement into a
/// fresh SQLite file with the store's durability settings (WAL, <c>synchronous = FULL</c>) and page cache, one
/// transaction per <c>batchSize</c> events. <see cref="SyncGroup"/> passes
/// <see cref="Primitives.Limits.MaxSyncCommitEvents"/>, the most a sync receiver commits at once, so the bound
/// never commits more often than the receiver does.
/// </summary>
internal static class SyncStorageBound
{
    public static void Run(string folder, IReadOnlyList<(byte[] Id, byte[] Encoding)> events, int batchSize, IRandomSource random)
    {
        byte[] key = new byte[XChaCha20Poly1305.KeySize];
        byte[] nonce = new byte[XChaCha20Poly1305.NonceSize];
        random.Fill(key);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "bound.db")};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        // The store's page cache, so that the bound pays for no cache miss the store does not.
        Execute(connection, "PRAGMA cache_size = -" + KithDatabaseOptions.DefaultPageCacheKiB.ToString(CultureInfo.InvariantCulture));
        // Rows in arrival order and no index on the random ids, as the store keeps events since its migration 8
        // (which also has an index by (conversation, seq, id), appended at its end: the bound leaves that out).
        Execute(connection, "CREATE TABLE bound_event (seq INTEGER PRIMARY KEY, id BLOB NOT NULL, event BLOB NOT NULL)");
        for (int done = 0; done < events.Count; done += batchSize)
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            using var insert = new SqliteCommand("INSERT INTO bound_event (seq, id, event) VALUES ($seq, $id, $event)", connection, transaction);
            SqliteParameter seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Blob);
            SqliteParameter value = insert.Parameters.Add("$event", SqliteType.Blob);
            insert.Prepare();
            for (int i = done; i < Math.Min(done + batchSize, events.Count); i++)
            {
                (byte[] eventId, byte[] encoding) = events[i];
                byte[] sealedValue = new byte[nonce.Length + encoding.Length + XChaCha20Poly1305.TagSize];
                random.Fill(nonce);
                nonce.CopyTo(sealedValue, 0);
                XChaCha20Poly1305.Encrypt(key, nonce, [], encoding, sealedValue.AsSpan(nonce.Length));
                seq.Value = i;
                id.Value = eventId;
                value.Value = sealedValue;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
