using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>
/// The prepared statements of one connection, by SQL text. Preparing (parsing and planning) costs about as much
/// as running a small statement, and the hot paths (an event append, a state write, a message put) run the same
/// few statements in every step; a <see cref="SqliteCommand"/> keeps its prepared statements until its text
/// changes or it is disposed, so one command per text is kept and reused for the connection's lifetime
/// (https://sqlite.org/c3ref/prepare.html; Npgsql's automatic preparation does the same per connection).
/// </summary>
/// <remarks>
/// Used only under the database's gate (one transaction at a time), so it needs no locking. A command handed out
/// here is owned by the cache: callers set its parameters, run it and dispose its reader, never the command.
/// The number of texts is bounded by the constant SQL strings in the stores.
/// </remarks>
internal sealed class StatementCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NativeStatement> _natives = new(StringComparer.Ordinal);

    public StatementCache(SqliteConnection connection) => _connection = connection;

    /// <summary>How many distinct statements are prepared (tests check that hot paths reuse theirs).</summary>
    public int Count => _commands.Count + _natives.Count;

    /// <summary>The command for <paramref name="sql"/>, joined to <paramref name="transaction"/>, with no parameters set.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = new SqliteCommand(sql, _connection);
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>The <see cref="NativeStatement"/> for <paramref name="sql"/>: for the per-row writes where a command's overhead shows.</summary>
    public NativeStatement Native(string sql)
    {
        if (!_natives.TryGetValue(sql, out NativeStatement? statement))
        {
            statement = new NativeStatement(_connection, sql);
            _natives.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Finalizes every statement: the connection closes only once none is left.</summary>
    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (NativeStatement statement in _natives.Values)
        {
            statement.Dispose();
        }

        _commands.Clear();
        _natives.Clear();
    }

    public override string ToString() => $"StatementCache({_commands.Count} statements)";
}
