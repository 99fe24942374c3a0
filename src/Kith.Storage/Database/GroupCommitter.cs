using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Storage.Database;

/// <summary>
/// Group commit for a <see cref="KithDatabase"/>: many concurrent callers each submit one step, the steps waiting
/// while a commit is in flight run together in the next transaction, and each caller resumes only after the
/// transaction that ran its step has committed with <c>synchronous = FULL</c>. One fsync then covers many steps,
/// as PostgreSQL's group commit (commit_delay) and busy SQLite WAL servers do, without weakening durability:
/// every caller's step is durable before its caller continues.
/// </summary>
/// <remarks>
/// Each step runs under its own savepoint: a step that throws (or, for <see cref="RunStepAsync{T}"/>, returns an
/// error) loses only its own changes, and the others commit. If the shared transaction fails (a failed commit, a
/// disposed store), every step of that group fails with the exception. There is no timer: the group is whatever
/// arrived while the previous commit was running, up to <see cref="Limits.MaxGroupCommitSteps"/>. Steps are
/// synchronous so no step holds the writer across an await. A step must not wait for another submitted step.
/// </remarks>
public sealed class GroupCommitter
{
    private readonly KithDatabase _database;
    private readonly Lock _lock = new();
    private readonly Queue<GroupStep> _waiting = new();
    private bool _draining;
    private long _groups;

    /// <summary>A committer for <paramref name="database"/>. Its steps take turns with the database's other transactions.</summary>
    public GroupCommitter(KithDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>
    /// Runs <paramref name="step"/> in the next group transaction and completes once it has committed; if the step
    /// throws, its changes are rolled back and the task fails with that exception.
    /// </summary>
    public Task<T> RunAsync<T>(Func<KithTransaction, T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Submit(new GroupStep<T>(step, static _ => true));
    }

    /// <summary>Runs an action step; see <see cref="RunAsync{T}(Func{KithTransaction, T})"/>.</summary>
    public Task RunAsync(Action<KithTransaction> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return RunAsync(transaction =>
        {
            step(transaction);
            return Unit.Value;
        });
    }

    /// <summary>
    /// Runs a protocol step (as <see cref="KithDatabase.RunStep{T}"/>): its changes are kept when it returns a
    /// value and rolled back when it returns an error; either way the task completes after the group committed.
    /// </summary>
    public Task<Result<T>> RunStepAsync<T>(Func<KithTransaction, Result<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Submit(new GroupStep<Result<T>>(step, static result => result.IsOk));
    }

    private Task<T> Submit<T>(GroupStep<T> step)
    {
        if (_database.InTransaction)
        {
            throw new InvalidOperationException("Transactions do not nest: a step cannot wait for another group commit.");
        }

        bool startDrain;
        lock (_lock)
        {
            _waiting.Enqueue(step);
            startDrain = !_draining;
            _draining = true;
        }

        if (startDrain)
        {
            // A thread of its own: the drain blocks in every commit's fsync, and on a pool thread it took one of the
            // pool's few threads (one per core) from the callers' own work for as long. Unsafe start: no execution
            // context flows into the drain, so it cannot inherit a caller's ambient transaction.
            new Thread(static committer => ((GroupCommitter)committer!).Drain()) { IsBackground = true, Name = "Kith group commit" }
                .UnsafeStart(this);
        }

        return step.Task;
    }

    /// <summary>Commits groups until nobody is waiting. Exactly one drain runs at a time.</summary>
    private void Drain()
    {
        while (true)
        {
            var group = new List<GroupStep>();
            lock (_lock)
            {
                while (group.Count < Limits.MaxGroupCommitSteps && _waiting.TryDequeue(out GroupStep? next))
                {
                    group.Add(next);
                }

                if (group.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            _database.RunGroup(group);
            Interlocked.Increment(ref _groups);
        }
    }

    /// <summary>How many group transactions have run (tests check that waiting steps share one).</summary>
    internal long Groups => Interlocked.Read(ref _groups);

    /// <summary>Names the database file, never a key.</summary>
    public override string ToString() => $"GroupCommitter({_database.FilePath})";
}
