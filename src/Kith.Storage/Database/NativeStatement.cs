using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kith.Storage.Database;

/// <summary>
/// One prepared SQLite statement driven through SQLitePCLRaw, the binding Microsoft.Data.Sqlite itself runs on, for
/// the one write that runs once per stored event. A <see cref="SqliteCommand"/> execution costs about 1.5 us on top of
/// SQLite's own work (it looks every parameter up by name, makes a data reader and counts changes through it), which
/// was a sixth of an event append; here parameters are bound by position, blobs straight from spans.
/// </summary>
/// <remarks>
/// Owned by the <see cref="StatementCache"/> like its commands, and used the same way: only inside a transaction of
/// the connection, under the database's gate. Errors become the <see cref="SqliteException"/> a command would throw.
/// </remarks>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public NativeStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        int rc = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    /// <summary>Binds the blob at 1-based <paramref name="index"/>; SQLite copies it.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Binds the integer at 1-based <paramref name="index"/>.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Runs the statement (one that returns no rows) and returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc, _database);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            // A statement left mid-run would hold its read of the database open and keep the transaction from committing.
            _ = raw.sqlite3_reset(_statement);
            _ = raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    public override string ToString() => nameof(NativeStatement);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
