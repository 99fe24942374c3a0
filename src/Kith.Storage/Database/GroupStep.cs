namespace Kith.Storage.Database;

/// <summary>
/// One caller's step waiting in a <see cref="GroupCommitter"/>: it runs inside the shared transaction under its own
/// savepoint, and its caller hears of it only once that transaction has committed (or failed).
/// </summary>
internal abstract class GroupStep
{
    /// <summary>Runs the step; <c>true</c> keeps its changes, <c>false</c> rolls its savepoint back. Exceptions propagate.</summary>
    public abstract bool Run(KithTransaction transaction);

    /// <summary>The step threw, or the shared transaction failed: its caller gets <paramref name="exception"/>.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The shared transaction committed: the caller gets the step's value (kept or rolled back).</summary>
    public abstract void Complete();

    /// <summary>Whether <see cref="Fail"/> was already called.</summary>
    public abstract bool Failed { get; }
}

/// <summary>A <see cref="GroupStep"/> producing a <typeparamref name="T"/>.</summary>
internal sealed class GroupStep<T> : GroupStep
{
    private readonly Func<KithTransaction, T> _step;
    private readonly Func<T, bool> _keep;
    // Continuations run off the committing thread, so a caller's next step never runs inside this group's drain.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private bool _failed;

    public GroupStep(Func<KithTransaction, T> step, Func<T, bool> keep)
    {
        _step = step;
        _keep = keep;
    }

    public Task<T> Task => _completion.Task;

    public override bool Failed => _failed;

    public override bool Run(KithTransaction transaction)
    {
        _value = _step(transaction);
        return _keep(_value);
    }

    public override void Fail(Exception exception)
    {
        _failed = true;
        _completion.TrySetException(exception);
    }

    public override void Complete()
    {
        if (!_failed)
        {
            _completion.TrySetResult(_value!);
        }
    }

    public override string ToString() => $"GroupStep<{typeof(T).Name}>";
}
