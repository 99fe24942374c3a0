using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Sessions;
using Kith.Storage.Database;
using Kith.Storage.Encryption;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="ISessionStore"/> over the <c>session</c> table: the pair column is a blind index of (local device,
/// peer device) and the state is encrypted with that index as its row key, so neither who talks to whom nor
/// any ratchet key is readable in the file, and a state moved to another pair's row does not decrypt.
/// </summary>
public sealed class SqliteSessionStore : ISessionStore
{
    private static readonly ValueColumn PairColumn = new("session", "pair");
    private static readonly ValueColumn StateColumn = new("session", "state");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteSessionStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteSessionStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public Result<byte[]?> Load(DeviceId local, DeviceId peer)
    {
        byte[] pair = Pair(local, peer);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT state FROM session WHERE pair = $pair");
            select.Parameters.AddWithValue("$pair", pair);
            if (select.ExecuteScalar() is not byte[] stored)
            {
                return Result<byte[]?>.Ok(null);
            }

            Result<byte[]> state = transaction.Values.Decrypt(StateColumn, pair, stored);
            return state.IsOk ? state.Value : Result<byte[]?>.Fail(state.Error);
        });
    }

    /// <inheritdoc/>
    public void Save(DeviceId local, DeviceId peer, ReadOnlySpan<byte> state)
    {
        InMemorySessionStore.ThrowIfOversized(state);
        byte[] pair = Pair(local, peer);
        byte[] stored = _scope.Database.Values.Encrypt(StateColumn, pair, state);
        _scope.Run(transaction =>
        {
            var upsert = transaction.Prepared(
                "INSERT INTO session (pair, state) VALUES ($pair, $state) ON CONFLICT (pair) DO UPDATE SET state = excluded.state");
            upsert.Parameters.AddWithValue("$pair", pair);
            upsert.Parameters.AddWithValue("$state", stored);
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public bool Delete(DeviceId local, DeviceId peer)
    {
        byte[] pair = Pair(local, peer);
        return _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM session WHERE pair = $pair");
            delete.Parameters.AddWithValue("$pair", pair);
            return delete.ExecuteNonQuery() == 1;
        });
    }

    private byte[] Pair(DeviceId local, DeviceId peer) => _scope.Database.Index.Compute(PairColumn, local.Span, peer.Span);

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteSessionStore);
}
