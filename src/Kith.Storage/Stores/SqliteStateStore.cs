using System.Text;
using Kith.Primitives.Errors;
using Kith.Protocol.Storage;
using Kith.Storage.Database;
using Kith.Storage.Encryption;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IStateStore"/> over the <c>state</c> table: each row is addressed by a blind index of
/// (kind, key) and holds its value encrypted with that index as the row key, so neither kinds, keys nor
/// values are readable in the file, and a value moved to another row does not decrypt.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private static readonly ValueColumn LookupColumn = new("state", "lookup");
    private static readonly ValueColumn ValueColumn = new("state", "value");

    private readonly KithDatabase _database;
    private readonly KithTransaction? _transaction;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteStateStore(KithTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _transaction = transaction;
        _database = transaction.Database;
    }

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteStateStore(KithDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public Result<byte[]?> Read(string kind, ReadOnlySpan<byte> key)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key);
        byte[] lookup = Lookup(kind, key);
        return Run(transaction =>
        {
            var command = transaction.Prepared("SELECT value FROM state WHERE lookup = $lookup");
            command.Parameters.AddWithValue("$lookup", lookup);
            if (command.ExecuteScalar() is not byte[] stored)
            {
                return Result<byte[]?>.Ok(null);
            }

            Result<byte[]> value = transaction.Values.Decrypt(ValueColumn, lookup, stored);
            return value.IsOk ? value.Value : Result<byte[]?>.Fail(value.Error);
        });
    }

    /// <inheritdoc/>
    public void Write(string kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key, value);
        byte[] lookup = Lookup(kind, key);
        byte[] stored = _database.Values.Encrypt(ValueColumn, lookup, value);
        Run(transaction =>
        {
            var command = transaction.Prepared(
                "INSERT INTO state (lookup, value) VALUES ($lookup, $value) ON CONFLICT (lookup) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("$lookup", lookup);
            command.Parameters.AddWithValue("$value", stored);
            return command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public bool Delete(string kind, ReadOnlySpan<byte> key)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key);
        byte[] lookup = Lookup(kind, key);
        return Run(transaction =>
        {
            var command = transaction.Prepared("DELETE FROM state WHERE lookup = $lookup");
            command.Parameters.AddWithValue("$lookup", lookup);
            return command.ExecuteNonQuery() == 1;
        });
    }

    private byte[] Lookup(string kind, ReadOnlySpan<byte> key) =>
        _database.Index.Compute(LookupColumn, Encoding.ASCII.GetBytes(kind), key);

    private T Run<T>(Func<KithTransaction, T> work) =>
        _transaction is not null ? work(_transaction) : _database.RunInTransaction(work);

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteStateStore);
}
