namespace Kith.Bench.Harness;

/// <summary>
/// One named set of benchmarks, selected by <see cref="Name"/> on the command line. Adding a benchmark is
/// adding one public sealed class implementing this interface: the harness finds it by reflection.
/// </summary>
public interface IBenchmarkGroup
{
    /// <summary>The command-line name (lower case, no spaces).</summary>
    string Name { get; }

    /// <summary>One line for <c>--list</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Comparisons this group contributes; printed after every selected group has run, when both
    /// figures were measured in the same run.
    /// </summary>
    IReadOnlyList<RatioDefinition> Ratios => [];

    /// <summary>Measures and reports figures through <paramref name="context"/>.</summary>
    void Run(BenchContext context);
}
