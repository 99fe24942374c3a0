using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Wire.Accounts;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IAccountLogStore"/> over the <c>account_log</c> table: one row per accepted entry, numbered per
/// account in accepted order. The account column is a blind index of the account id and the id column a
/// blind index of (account, entry id); the entry is encrypted with <c>id || seq</c> as its row key, so an
/// entry moved to another row or given another position does not decrypt.
/// </summary>
/// <remarks>
/// Reading a value that fails authentication throws <see cref="StoredValueCorruptException"/>: the interface
/// returns plain values, and a damaged file is not something a caller can retry. Deleting whole rows (a
/// truncated log) is not detected here; <see cref="AccountLog.Load"/> still verifies every entry it is given.
/// </remarks>
public sealed class SqliteAccountLogStore : IAccountLogStore
{
    private const string Table = "account_log";
    private static readonly ValueColumn AccountColumn = new(Table, "account");
    private static readonly ValueColumn IdColumn = new(Table, "id");
    private static readonly ValueColumn EntryColumn = new(Table, "entry");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteAccountLogStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteAccountLogStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public void Append(AccountId account, AccountEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] accountIndex = _scope.Database.Index.Compute(AccountColumn, account.Span);
        byte[] id = _scope.Database.Index.Compute(IdColumn, account.Span, entry.Id.Span);
        _scope.Run(transaction =>
        {
            var exists = transaction.Prepared("SELECT 1 FROM account_log WHERE id = $id");
            exists.Parameters.AddWithValue("$id", id);
            if (exists.ExecuteScalar() is not null)
            {
                return Unit.Value;
            }

            var last = transaction.Prepared("SELECT coalesce(max(seq), 0) + 1 FROM account_log WHERE account = $account");
            last.Parameters.AddWithValue("$account", accountIndex);
            long seq = (long)last.ExecuteScalar()!;

            var insert = transaction.Prepared(
                "INSERT INTO account_log (account, seq, id, entry) VALUES ($account, $seq, $id, $entry)");
            insert.Parameters.AddWithValue("$account", accountIndex);
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$entry", transaction.Values.Encrypt(EntryColumn, RowKey(id, seq), entry.Encoded));
            insert.ExecuteNonQuery();
            return Unit.Value;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Load(AccountId account)
    {
        byte[] accountIndex = _scope.Database.Index.Compute(AccountColumn, account.Span);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT seq, id, entry FROM account_log WHERE account = $account ORDER BY seq");
            select.Parameters.AddWithValue("$account", accountIndex);
            using var reader = select.ExecuteReader();
            var entries = new List<byte[]>();
            while (reader.Read())
            {
                long seq = reader.GetInt64(0);
                Result<byte[]> entry = transaction.Values.Decrypt(EntryColumn, RowKey(reader.GetFieldValue<byte[]>(1), seq),
                    reader.GetFieldValue<byte[]>(2));
                entries.Add(entry.IsOk ? entry.Value : throw new StoredValueCorruptException(Table));
            }

            return entries;
        });
    }

    /// <inheritdoc/>
    public bool Contains(AccountId account)
    {
        byte[] accountIndex = _scope.Database.Index.Compute(AccountColumn, account.Span);
        return _scope.Run(transaction =>
        {
            var exists = transaction.Prepared("SELECT EXISTS (SELECT 1 FROM account_log WHERE account = $account)");
            exists.Parameters.AddWithValue("$account", accountIndex);
            return (long)exists.ExecuteScalar()! == 1;
        });
    }

    /// <summary><c>id || seq (u64 big-endian)</c>: binds an entry to its row and its position in the log.</summary>
    private static byte[] RowKey(byte[] id, long seq)
    {
        byte[] rowKey = new byte[id.Length + sizeof(ulong)];
        id.CopyTo(rowKey, 0);
        BinaryPrimitives.WriteUInt64BigEndian(rowKey.AsSpan(id.Length), checked((ulong)seq));
        return rowKey;
    }

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteAccountLogStore);
}
