namespace Kith.Bench.Groups.Node;

/// <summary>Nearest-rank percentiles of a sample (the smallest value with at least p of the sample at or below it).</summary>
public static class Percentile
{
    /// <summary>The nearest-rank <paramref name="p"/> percentile of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || p is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile needs values and 0 < p <= 1.");
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }
}
