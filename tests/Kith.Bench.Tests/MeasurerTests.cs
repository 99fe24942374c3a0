using Kith.Bench.Harness;

namespace Kith.Bench.Tests;

public sealed class MeasurerTests
{
    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0, 5.0 }, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 1.0, 1.0, 100.0 }, 1.0)]
    public void Median_is_the_middle_value_and_ignores_one_outlier(double[] values, double expected) =>
        Assert.Equal(expected, Measurer.Median(values));

    [Fact]
    public void Median_of_nothing_is_refused() =>
        Assert.Throws<ArgumentException>(() => Measurer.Median([]));

    [Fact]
    public void Measure_runs_the_configured_rounds_of_the_calibrated_size()
    {
        var options = new BenchOptions(Rounds: 3, RoundTime: TimeSpan.FromMilliseconds(2), WarmupTime: TimeSpan.FromMilliseconds(2), NodeDirectory: null);
        var batches = new List<long>();

        Measurement measurement = Measurer.Measure(options, count =>
        {
            batches.Add(count);
            for (long i = 0; i < count; i++)
            {
                Thread.SpinWait(20);
            }
        });

        Assert.Equal(3, measurement.Rounds);
        Assert.Equal(Enumerable.Repeat(measurement.OperationsPerRound, 3), batches.TakeLast(3));
        Assert.InRange(measurement.MedianNanoseconds, measurement.FastestNanoseconds, measurement.SlowestNanoseconds);
    }

    [Fact]
    public void Measure_ends_even_when_the_batch_ignores_its_count()
    {
        var options = new BenchOptions(Rounds: 1, RoundTime: TimeSpan.FromMilliseconds(1), WarmupTime: TimeSpan.FromMilliseconds(5), NodeDirectory: null);

        Measurement measurement = Measurer.Measure(options, _ => Thread.SpinWait(100));

        Assert.Equal(1, measurement.Rounds);
    }

    [Fact]
    public void Measure_each_runs_preparation_and_disposal_for_every_operation()
    {
        var options = new BenchOptions(Rounds: 3, RoundTime: TimeSpan.FromMilliseconds(1), WarmupTime: TimeSpan.FromMilliseconds(1), NodeDirectory: null);
        int prepared = 0;
        int timed = 0;
        var states = new List<State>();

        Measurer.MeasureEach(options, () => { prepared++; var s = new State(); states.Add(s); return s; }, _ => timed++);

        Assert.Equal(prepared, timed);
        Assert.All(states, state => Assert.True(state.Disposed));
    }

    private sealed class State : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
