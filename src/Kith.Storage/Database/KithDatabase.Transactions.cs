using Kith.Primitives.Errors;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

public sealed partial class KithDatabase
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<KithTransaction?> _current = new();
    private bool _disposed;

    /// <summary>
    /// The transaction running on this async flow, or null. For adapters called back from inside a step they do not
    /// own (the messenger reads its directory mid-step), so they read in that step instead of starting a nested one.
    /// </summary>
    public KithTransaction? Current => _current.Value;

    /// <summary>
    /// Runs <paramref name="step"/> in one write transaction and commits it; if the step throws, nothing it
    /// did is kept. Transactions do not nest: code running inside a step is handed its transaction instead.
    /// </summary>
    public void RunInTransaction(Action<KithTransaction> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        RunInTransaction(transaction =>
        {
            step(transaction);
            return Unit.Value;
        });
    }

    /// <summary>Like <see cref="RunInTransaction(Action{KithTransaction})"/>, returning the step's value.</summary>
    public T RunInTransaction<T>(Func<KithTransaction, T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Run(step, static _ => true);
    }

    /// <summary>
    /// Runs a protocol step: commits when it returns a value and rolls back when it returns an error, so a
    /// rejected input changes no state (and an exception keeps nothing either).
    /// </summary>
    public Result<T> RunStep<T>(Func<KithTransaction, Result<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Run(step, static result => result.IsOk);
    }

    /// <summary>
    /// The asynchronous form: waits for the connection without blocking a thread, then runs
    /// <paramref name="step"/> in one transaction. Cancellation is honoured until the step completes, never
    /// between the step and its commit.
    /// </summary>
    public async Task<T> RunInTransactionAsync<T>(Func<KithTransaction, CancellationToken, Task<T>> step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ThrowIfUnusable();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteTransaction sqlTransaction = _connection.BeginTransaction();
            var transaction = new KithTransaction(this, _connection, sqlTransaction, _statements);
            _current.Value = transaction;
            try
            {
                T result = await step(transaction, cancellationToken).ConfigureAwait(false);
                sqlTransaction.Commit();
                ScrubIfAsked(committed: true);
                return result;
            }
            finally
            {
                transaction.Complete();
                _current.Value = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The asynchronous form of <see cref="RunInTransaction(Action{KithTransaction})"/>.</summary>
    public Task RunInTransactionAsync(Func<KithTransaction, CancellationToken, Task> step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return RunInTransactionAsync(async (transaction, token) =>
        {
            await step(transaction, token).ConfigureAwait(false);
            return Unit.Value;
        }, cancellationToken);
    }

    /// <summary>
    /// Copies the WAL into the main file and truncates it (<c>PRAGMA wal_checkpoint(TRUNCATE)</c>). SQLite
    /// checkpoints by itself; this is for backups and for tests that look at the files.
    /// </summary>
    public void Checkpoint()
    {
        ThrowIfUnusable();
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", _connection);
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for a running transaction, closes the file and zeroes the keys.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (_current.Value is not null)
        {
            throw new InvalidOperationException("A store cannot be disposed from inside one of its own transactions.");
        }

        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _statements.Dispose();
            _connection.Dispose();
            _keys.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private T Run<T>(Func<KithTransaction, T> step, Func<T, bool> commit)
    {
        ThrowIfUnusable();
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteTransaction sqlTransaction = _connection.BeginTransaction();
            var transaction = new KithTransaction(this, _connection, sqlTransaction, _statements);
            _current.Value = transaction;
            try
            {
                T result = step(transaction);
                bool committed = commit(result);
                if (committed)
                {
                    sqlTransaction.Commit();
                }
                else
                {
                    sqlTransaction.Rollback();
                }

                ScrubIfAsked(committed);

                return result;
            }
            finally
            {
                transaction.Complete();
                _current.Value = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_current.Value is not null)
        {
            throw new InvalidOperationException("Transactions do not nest: pass the running KithTransaction to the inner code.");
        }
    }
}
