namespace Kith.Bench.Harness;

/// <summary>One reported figure: a <c>BENCH &lt;name&gt; &lt;value&gt; &lt;unit&gt;</c> line.</summary>
public sealed record BenchFigure(string Name, double Value, string Unit);
