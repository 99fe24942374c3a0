using Kith.Bench.Groups.Node;

namespace Kith.Bench.Tests;

public sealed class PercentileTests
{
    [Fact]
    public void Nearest_rank_takes_the_smallest_value_with_p_of_the_sample_at_or_below_it()
    {
        double[] hundred = [.. Enumerable.Range(1, 100).Select(i => (double)(101 - i))];

        Assert.Equal(50, Percentile.Of(hundred, 0.50));
        Assert.Equal(99, Percentile.Of(hundred, 0.99));
        Assert.Equal(100, Percentile.Of(hundred, 1));
        Assert.Equal(7, Percentile.Of([7], 0.99));
        Assert.Equal(2, Percentile.Of([3, 1, 2], 0.5));
    }

    [Fact]
    public void No_values_or_a_p_outside_0_to_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1], 1.5));
    }
}
