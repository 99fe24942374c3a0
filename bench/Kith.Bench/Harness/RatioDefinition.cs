namespace Kith.Bench.Harness;

/// <summary>
/// A comparison of two figures from the same run, printed as <c>RATIO &lt;name&gt; &lt;value&gt;</c>
/// where value = numerator / denominator. Both figures must be "bigger is better" (or both "smaller is
/// better") for the ratio to read as "how many times as fast".
/// </summary>
public sealed record RatioDefinition(string Name, string Numerator, string Denominator);
