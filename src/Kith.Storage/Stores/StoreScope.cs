using Kith.Storage.Database;

namespace Kith.Storage.Stores;

/// <summary>
/// Where a store's calls run: inside one given transaction (a protocol step, so the step's state and its
/// outbox commit together) or, without one, each call in a transaction of its own.
/// </summary>
internal sealed class StoreScope
{
    private readonly KithTransaction? _transaction;

    public StoreScope(KithTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _transaction = transaction;
        Database = transaction.Database;
    }

    public StoreScope(KithDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
    }

    public KithDatabase Database { get; }

    public T Run<T>(Func<KithTransaction, T> work) =>
        _transaction is not null ? work(_transaction) : Database.RunInTransaction(work);

    public override string ToString() => nameof(StoreScope);
}
