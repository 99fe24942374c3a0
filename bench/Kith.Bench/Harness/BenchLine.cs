using System.Globalization;

namespace Kith.Bench.Harness;

/// <summary>
/// The machine-readable output: <c>BENCH &lt;name&gt; &lt;value&gt; &lt;unit&gt;</c> and
/// <c>RATIO &lt;name&gt; &lt;value&gt;</c>, invariant culture, one per line. Everything else a run prints
/// starts with <c>#</c>. The libsignal script prints the same BENCH lines, which are parsed back here.
/// </summary>
public static class BenchLine
{
    /// <summary>Formats a figure as a BENCH line.</summary>
    public static string Format(BenchFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return $"BENCH {figure.Name} {FormatValue(figure.Value)} {figure.Unit}";
    }

    /// <summary>Formats a comparison as a RATIO line.</summary>
    public static string FormatRatio(string name, double value) => $"RATIO {name} {FormatValue(value)}";

    /// <summary>Parses a BENCH line; <c>false</c> for any other line.</summary>
    public static bool TryParse(string line, out BenchFigure? figure)
    {
        ArgumentNullException.ThrowIfNull(line);
        figure = null;
        string[] parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || parts[0] != "BENCH" || !IsValidName(parts[1])
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
        {
            return false;
        }

        figure = new BenchFigure(parts[1], value, parts[3]);
        return true;
    }

    /// <summary>Names are lower-case ASCII letters, digits and underscores, so lines split on spaces.</summary>
    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    // Six significant digits: more than any benchmark here resolves, and never rounds a small figure to 0.
    private static string FormatValue(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
