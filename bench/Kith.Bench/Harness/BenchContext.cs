namespace Kith.Bench.Harness;

/// <summary>What a group measures with and reports to. Keeps every figure of the run for the ratios.</summary>
public sealed class BenchContext
{
    private readonly Dictionary<string, BenchFigure> _figures = new(StringComparer.Ordinal);
    private readonly TextWriter _output;

    /// <summary>A context printing to <paramref name="output"/>.</summary>
    public BenchContext(BenchOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        Options = options;
        _output = output;
    }

    /// <summary>How long to measure.</summary>
    public BenchOptions Options { get; }

    /// <summary>Every figure reported so far in this run, by name.</summary>
    public IReadOnlyDictionary<string, BenchFigure> Figures => _figures;

    /// <summary>Measures a batched operation (see <see cref="Measurer.Measure"/>) and notes its spread.</summary>
    public Measurement Measure(string what, Action<long> batch)
    {
        Measurement measurement = Measurer.Measure(Options, batch);
        Note($"{what}: {measurement.Describe()}");
        return measurement;
    }

    /// <summary>Measures an operation with untimed preparation (see <see cref="Measurer.MeasureEach"/>).</summary>
    public Measurement MeasureEach<T>(string what, Func<T> prepare, Action<T> timed)
    {
        Measurement measurement = Measurer.MeasureEach(Options, prepare, timed);
        Note($"{what}: {measurement.Describe()}");
        return measurement;
    }

    /// <summary>Prints a BENCH line and keeps the figure for the ratios.</summary>
    public void Report(string name, double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        if (!BenchLine.IsValidName(name) || unit.Length == 0 || unit.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' / '{unit}' cannot form a BENCH line.", nameof(name));
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The figure {name} is not a finite number.");
        }

        var figure = new BenchFigure(name, value, unit);
        _figures[name] = figure;
        _output.WriteLine(BenchLine.Format(figure));
        _output.Flush();
    }

    /// <summary>Prints a RATIO line.</summary>
    public void ReportRatio(string name, double value)
    {
        _output.WriteLine(BenchLine.FormatRatio(name, value));
        _output.Flush();
    }

    /// <summary>Prints a human-readable <c>#</c> line.</summary>
    public void Note(string text)
    {
        _output.WriteLine($"# {text}");
        _output.Flush();
    }

    /// <summary>numerator / denominator, when both figures were reported in this run.</summary>
    public bool TryComputeRatio(RatioDefinition ratio, out double value)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        value = 0;
        if (!_figures.TryGetValue(ratio.Numerator, out BenchFigure? numerator)
            || !_figures.TryGetValue(ratio.Denominator, out BenchFigure? denominator)
            || denominator.Value == 0)
        {
            return false;
        }

        if (numerator.Unit != denominator.Unit)
        {
            throw new InvalidOperationException($"RATIO {ratio.Name} divides {numerator.Unit} by {denominator.Unit}.");
        }

        value = numerator.Value / denominator.Value;
        return true;
    }
}
