using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IOutboxStore"/> over the <c>outbox</c> table: one row per (item, recipient device), numbered in
/// enqueue order. <c>id</c>, <c>item</c> and <c>recipient</c> are blind indexes, so no item or device id is
/// readable in the file; the entry itself (payload included) is encrypted with <c>id</c> as its row key.
/// <c>state</c> is a plain copy so the due scan needs no decryption; a row whose copy disagrees with its
/// encrypted entry (tampered to stop a resend) reads as <c>storage.corrupt_value</c>. <c>next_attempt</c> is
/// plain only, so <see cref="Hasten"/> is one statement; changing it changes when a resend happens, never what.
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore
{
    private const string Table = "outbox";
    private const string Columns = "SELECT id, state, next_attempt, entry FROM outbox";
    private static readonly ValueColumn IdColumn = new(Table, "id");
    private static readonly ValueColumn ItemColumn = new(Table, "item");
    private static readonly ValueColumn RecipientColumn = new(Table, "recipient");
    private static readonly ValueColumn EntryColumn = new(Table, "entry");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteOutboxStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteOutboxStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public bool Add(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] id = Id(entry.Item, entry.Recipient);
        return _scope.Run(transaction =>
        {
            var insert = transaction.Prepared("""
                INSERT INTO outbox (id, item, recipient, state, next_attempt, entry)
                VALUES ($id, $item, $recipient, $state, $next, $entry) ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$item", Index(ItemColumn, entry.Item.Span));
            insert.Parameters.AddWithValue("$recipient", Index(RecipientColumn, entry.Recipient.Span));
            Bind(insert, transaction, id, entry);
            return insert.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc/>
    public void Update(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] id = Id(entry.Item, entry.Recipient);
        int updated = _scope.Run(transaction =>
        {
            var update = transaction.Prepared("UPDATE outbox SET state = $state, next_attempt = $next, entry = $entry WHERE id = $id");
            update.Parameters.AddWithValue("$id", id);
            Bind(update, transaction, id, entry);
            return update.ExecuteNonQuery();
        });
        if (updated != 1)
        {
            throw new InvalidOperationException("Only a stored outbox entry can be updated.");
        }
    }

    /// <inheritdoc/>
    public Result<OutboxEntry?> Find(EventId item, DeviceId recipient)
    {
        byte[] id = Id(item, recipient);
        Result<IReadOnlyList<OutboxEntry>> found = Query(Columns + " WHERE id = $id", ("$id", id));
        return found.IsOk ? found.Value.SingleOrDefault() : Result<OutboxEntry?>.Fail(found.Error);
    }

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> ForItem(EventId item) =>
        Query(Columns + " WHERE item = $item ORDER BY seq", ("$item", Index(ItemColumn, item.Span)));

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> Due(long nowUnixMs, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Query(Columns + " WHERE state = 1 AND next_attempt <= $now ORDER BY next_attempt, seq LIMIT $max",
            ("$now", nowUnixMs), ("$max", max));
    }

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> PendingFor(DeviceId recipient, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Query(Columns + " WHERE recipient = $recipient AND state = 1 ORDER BY seq LIMIT $max",
            ("$recipient", Index(RecipientColumn, recipient.Span)), ("$max", max));
    }

    /// <inheritdoc/>
    public int Hasten(DeviceId recipient, long nowUnixMs)
    {
        byte[] index = Index(RecipientColumn, recipient.Span);
        return _scope.Run(transaction =>
        {
            var update = transaction.Prepared(
                "UPDATE outbox SET next_attempt = $now WHERE recipient = $recipient AND state = 1 AND next_attempt > $now");
            update.Parameters.AddWithValue("$recipient", index);
            update.Parameters.AddWithValue("$now", nowUnixMs);
            return update.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    /// <remarks>The rows are deleted with <c>secure_delete</c> on, so their sealed payloads are overwritten in the file.</remarks>
    public int WithdrawPending(DeviceId recipient)
    {
        byte[] index = Index(RecipientColumn, recipient.Span);
        return _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM outbox WHERE recipient = $recipient AND state = 1");
            delete.Parameters.AddWithValue("$recipient", index);
            return delete.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public long? NextAttemptUnixMs() => _scope.Run(transaction =>
    {
        var select = transaction.Prepared("SELECT min(next_attempt) FROM outbox WHERE state = 1");
        return select.ExecuteScalar() is long next ? next : (long?)null;
    });

    /// <inheritdoc/>
    public long PendingCount() => _scope.Run(transaction =>
    {
        var count = transaction.Prepared("SELECT count(*) FROM outbox WHERE state = 1");
        return (long)count.ExecuteScalar()!;
    });

    private Result<IReadOnlyList<OutboxEntry>> Query(string sql, params (string Name, object Value)[] parameters) =>
        _scope.Run(transaction =>
        {
            var select = transaction.Prepared(sql);
            foreach (var (name, value) in parameters)
            {
                select.Parameters.AddWithValue(name, value);
            }

            using SqliteDataReader reader = select.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
            {
                Result<OutboxEntry> entry = Open(transaction, reader);
                if (!entry.IsOk)
                {
                    return Result<IReadOnlyList<OutboxEntry>>.Fail(entry.Error);
                }

                entries.Add(entry.Value);
            }

            return Result<IReadOnlyList<OutboxEntry>>.Ok(entries);
        });

    /// <summary>Decrypts one row; an entry for another row, or whose plain copies disagree with it, is corrupt.</summary>
    private Result<OutboxEntry> Open(KithTransaction transaction, SqliteDataReader row)
    {
        byte[] id = row.GetFieldValue<byte[]>(0);
        Result<byte[]> plain = transaction.Values.Decrypt(EntryColumn, id, row.GetFieldValue<byte[]>(3));
        if (!plain.IsOk)
        {
            return plain.Error;
        }

        Result<OutboxEntry> decoded = OutboxEntryCodec.Decode(plain.Value, row.GetInt64(2));
        if (!decoded.TryGet(out OutboxEntry? entry, out KithError? error))
        {
            return error;
        }

        bool consistent = (long)entry.State == row.GetInt64(1) && Id(entry.Item, entry.Recipient).AsSpan().SequenceEqual(id);
        return consistent ? entry : StorageErrors.CorruptValue;
    }

    private static void Bind(SqliteCommand command, KithTransaction transaction, byte[] id, OutboxEntry entry)
    {
        command.Parameters.AddWithValue("$state", (long)entry.State);
        command.Parameters.AddWithValue("$next", entry.NextAttemptUnixMs);
        command.Parameters.AddWithValue("$entry", transaction.Values.Encrypt(EntryColumn, id, OutboxEntryCodec.Encode(entry)));
    }

    private byte[] Id(EventId item, DeviceId recipient) => _scope.Database.Index.Compute(IdColumn, item.Span, recipient.Span);

    private byte[] Index(ValueColumn column, ReadOnlySpan<byte> value) => _scope.Database.Index.Compute(column, value);

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteOutboxStore);
}
