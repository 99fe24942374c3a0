using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Support;

/// <summary>A fake clock that counts the timers armed on it, so a test can advance time only once a delay is waiting.</summary>
public sealed class CountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
