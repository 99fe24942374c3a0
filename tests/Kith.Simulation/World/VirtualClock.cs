namespace Kith.Simulation.World;

/// <summary>
/// The simulation's only notion of time: a discrete-event scheduler (as FoundationDB's simulator and
/// TigerBeetle's VOPR) that runs actions in (virtual time, scheduling order). Nothing waits; time jumps to
/// the next action, so a run of minutes of virtual time takes as long as its work.
/// </summary>
internal sealed class VirtualClock
{
    private readonly PriorityQueue<Action, (long TimeMs, long Sequence)> _queue = new();
    private long _sequence;

    /// <summary>Milliseconds since the run started.</summary>
    public long NowMs { get; private set; }

    /// <summary>Schedules <paramref name="action"/> at <paramref name="timeMs"/>; ties run in scheduling order.</summary>
    public void At(long timeMs, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeMs, NowMs);
        _queue.Enqueue(action, (timeMs, _sequence++));
    }

    /// <summary>Schedules <paramref name="action"/> <paramref name="delayMs"/> from now.</summary>
    public void After(long delayMs, Action action) => At(checked(NowMs + delayMs), action);

    /// <summary>Runs the next action due at or before <paramref name="untilMs"/>; <c>false</c> when there is none.</summary>
    public bool RunNext(long untilMs)
    {
        if (!_queue.TryPeek(out _, out (long TimeMs, long Sequence) key) || key.TimeMs > untilMs)
        {
            return false;
        }

        Action action = _queue.Dequeue();
        NowMs = key.TimeMs;
        action();
        return true;
    }
}
