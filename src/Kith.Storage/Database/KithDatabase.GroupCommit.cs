using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

public sealed partial class KithDatabase
{
    private const string StepSavepoint = "kith_step";

    /// <summary>Whether the calling flow is inside one of this database's transactions (where a new one cannot start).</summary>
    internal bool InTransaction => _current.Value is not null;

    /// <summary>
    /// Runs <paramref name="steps"/> in one write transaction, each under its own savepoint, and commits once: a
    /// step that throws or asks to roll back loses only its own changes (SQLite SAVEPOINT, https://sqlite.org/lang_savepoint.html).
    /// Steps are completed only after the commit returned; if the transaction itself fails, every step fails.
    /// </summary>
    internal void RunGroup(IReadOnlyList<GroupStep> steps)
    {
        try
        {
            ThrowIfUnusable();
            _gate.Wait();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                using SqliteTransaction sqlTransaction = _connection.BeginTransaction();
                foreach (GroupStep step in steps)
                {
                    RunUnderSavepoint(sqlTransaction, step);
                }

                sqlTransaction.Commit();
                ScrubIfAsked(committed: true);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception exception)
        {
            // The shared transaction is gone (disposed store, I/O error, failed commit): nothing of the group is kept.
            foreach (GroupStep step in steps)
            {
                if (!step.Failed)
                {
                    step.Fail(exception);
                }
            }

            return;
        }

        foreach (GroupStep step in steps)
        {
            step.Complete();
        }
    }

    private void RunUnderSavepoint(SqliteTransaction sqlTransaction, GroupStep step)
    {
        sqlTransaction.Save(StepSavepoint);
        var transaction = new KithTransaction(this, _connection, sqlTransaction, _statements);
        _current.Value = transaction;
        bool keep;
        try
        {
            keep = step.Run(transaction);
        }
        catch (Exception exception)
        {
            step.Fail(exception);
            keep = false;
        }
        finally
        {
            transaction.Complete();
            _current.Value = null;
        }

        if (!keep)
        {
            // If SQLite already rolled the whole transaction back (some I/O errors do), this throws and the
            // group fails as a whole in RunGroup.
            sqlTransaction.Rollback(StepSavepoint);
        }

        sqlTransaction.Release(StepSavepoint);
    }
}
