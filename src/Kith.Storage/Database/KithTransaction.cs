using Kith.Primitives.Ids;
using Kith.Storage.Encryption;
using Kith.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>
/// One open write transaction of a <see cref="KithDatabase"/>: everything stores do through it commits
/// together or not at all. It is valid only inside the step it was handed to.
/// </summary>
public sealed class KithTransaction
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly StatementCache _statements;
    private Dictionary<ConversationId, EventTail>? _eventTails;
    private bool _completed;

    internal KithTransaction(KithDatabase database, SqliteConnection connection, SqliteTransaction transaction, StatementCache statements)
    {
        _statements = statements;
        Database = database;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>The database this transaction belongs to.</summary>
    public KithDatabase Database { get; }

    /// <summary>The database's value cipher.</summary>
    public ValueCipher Values => Database.Values;

    /// <summary>The database's blind index.</summary>
    public BlindIndex Index => Database.Index;

    internal SqliteConnection Connection
    {
        get
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            return _connection;
        }
    }

    internal SqliteTransaction Transaction
    {
        get
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            return _transaction;
        }
    }

    /// <summary>
    /// The connection's prepared command for <paramref name="sql"/>, joined to this transaction, with no parameters
    /// set. Its text must be a constant (values go in parameters). The command is the cache's: dispose its reader,
    /// never the command (<see cref="StatementCache"/>).
    /// </summary>
    internal SqliteCommand Prepared(string sql)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        return _statements.Get(sql, _transaction);
    }

    /// <summary>
    /// The connection's <see cref="NativeStatement"/> for <paramref name="sql"/> (a constant text), which runs in this
    /// transaction because the connection has no other. Owned by the cache, like <see cref="Prepared"/>'s commands.
    /// </summary>
    internal NativeStatement PreparedNative(string sql)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        return _statements.Native(sql);
    }

    /// <summary>
    /// The conversations whose <c>conversation_event</c> tail this transaction has read or written (blind index and
    /// last position), so that <see cref="SqliteEventStore"/> computes both once per conversation and transaction
    /// rather than once per append. It needs no invalidation: it lives exactly as long as the changes it describes,
    /// because a rolled back transaction ends this object and every group-commit step (a savepoint that may be rolled
    /// back alone) runs with a <see cref="KithTransaction"/> of its own.
    /// </summary>
    internal Dictionary<ConversationId, EventTail> EventTails
    {
        get
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            return _eventTails ??= [];
        }
    }

    internal void Complete() => _completed = true;

    /// <summary>Names the type only: the transaction reaches the database's keys.</summary>
    public override string ToString() => nameof(KithTransaction);
}
