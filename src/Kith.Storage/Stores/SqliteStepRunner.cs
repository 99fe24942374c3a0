using Kith.Protocol.Conversations;
using Kith.Protocol.Delivery;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;
using Kith.Storage.Database;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IStepRunner"/> over a <see cref="KithDatabase"/>: each step runs in one write transaction with
/// every store joined to it, so a step's protocol state, inbox records and outbox entries commit together
/// (docs/ARCHITECTURE.md, Engine) and a step that throws keeps nothing.
/// </summary>
public sealed class SqliteStepRunner : IStepRunner
{
    private readonly KithDatabase _database;

    /// <summary>A runner over <paramref name="database"/>; the caller keeps owning (and disposes) it.</summary>
    public SqliteStepRunner(KithDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc/>
    public T Run<T>(Func<IStepStores, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _database.RunInTransaction(transaction => work(new Stores(transaction)));
    }

    /// <summary>Names the type only: the runner reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteStepRunner);

    /// <summary>Every store over one transaction.</summary>
    private sealed class Stores(KithTransaction transaction) : IStepStores
    {
        public IOutboxStore Outbox { get; } = new SqliteOutboxStore(transaction);

        public IStateStore State { get; } = new SqliteStateStore(transaction);

        public IEventStore Events { get; } = new SqliteEventStore(transaction);

        public ISessionStore Sessions { get; } = new SqliteSessionStore(transaction);

        public IMessageStore Messages { get; } = new SqliteMessageStore(transaction);

        public override string ToString() => nameof(Stores);
    }
}
