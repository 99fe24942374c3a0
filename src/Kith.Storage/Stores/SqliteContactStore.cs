using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Storage.Database;
using Kith.Storage.Encryption;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IContactStore"/> over the <c>contact</c> table: the account column is a blind index of the
/// account id and the record (<see cref="ContactRecord.ToBytes"/>, display name included) is encrypted with
/// that index as its row key. Blind indexes have no useful order, so <see cref="All"/> sorts after decrypting.
/// </summary>
/// <remarks>
/// Reading a value that fails authentication or does not decode throws <see cref="StoredValueCorruptException"/>:
/// the interface returns plain values, and a damaged file is not something a caller can retry.
/// </remarks>
public sealed class SqliteContactStore : IContactStore
{
    private const string Table = "contact";
    private static readonly ValueColumn AccountColumn = new(Table, "account");
    private static readonly ValueColumn RecordColumn = new(Table, "record");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteContactStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteContactStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public ContactRecord? Find(AccountId account)
    {
        byte[] index = _scope.Database.Index.Compute(AccountColumn, account.Span);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT record FROM contact WHERE account = $account");
            select.Parameters.AddWithValue("$account", index);
            return select.ExecuteScalar() is byte[] stored ? Open(transaction, index, stored) : null;
        });
    }

    /// <inheritdoc/>
    public void Put(ContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] index = _scope.Database.Index.Compute(AccountColumn, record.Account.Span);
        byte[] stored = _scope.Database.Values.Encrypt(RecordColumn, index, record.ToBytes());
        _scope.Run(transaction =>
        {
            var upsert = transaction.Prepared(
                "INSERT INTO contact (account, record) VALUES ($account, $record) ON CONFLICT (account) DO UPDATE SET record = excluded.record");
            upsert.Parameters.AddWithValue("$account", index);
            upsert.Parameters.AddWithValue("$record", stored);
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<ContactRecord> All() => _scope.Run(transaction =>
    {
        var select = transaction.Prepared("SELECT account, record FROM contact");
        using var reader = select.ExecuteReader();
        var records = new List<ContactRecord>();
        while (reader.Read())
        {
            records.Add(Open(transaction, reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1)));
        }

        records.Sort((a, b) => a.Account.CompareTo(b.Account));
        return records;
    });

    /// <summary>Decrypts a row and checks that the record is the one its row's index names.</summary>
    private static ContactRecord Open(KithTransaction transaction, byte[] index, byte[] stored)
    {
        Result<byte[]> plaintext = transaction.Values.Decrypt(RecordColumn, index, stored);
        if (!plaintext.IsOk || !ContactRecord.Decode(plaintext.Value).TryGet(out ContactRecord? record, out _)
            || !transaction.Index.Compute(AccountColumn, record.Account.Span).AsSpan().SequenceEqual(index))
        {
            throw new StoredValueCorruptException(Table);
        }

        return record;
    }

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteContactStore);
}
