using Kith.Bench.Harness;

namespace Kith.Bench.Tests;

public sealed class BenchContextTests
{
    private static readonly RatioDefinition Ratio = new("kith_vs_signal", "kith_msgs_per_s", "signal_msgs_per_s");

    [Fact]
    public void Ratio_divides_the_numerator_by_the_denominator_from_the_same_run()
    {
        var context = new BenchContext(BenchOptions.Quick, new StringWriter());
        context.Report("kith_msgs_per_s", 60_000, "msgs/s");
        context.Report("signal_msgs_per_s", 20_000, "msgs/s");

        Assert.True(context.TryComputeRatio(Ratio, out double value));
        Assert.Equal(3.0, value);
    }

    [Fact]
    public void Ratio_is_not_computed_while_a_figure_is_missing()
    {
        var context = new BenchContext(BenchOptions.Quick, new StringWriter());
        context.Report("kith_msgs_per_s", 60_000, "msgs/s");

        Assert.False(context.TryComputeRatio(Ratio, out _));
    }

    [Fact]
    public void Ratio_of_figures_in_different_units_is_a_definition_bug()
    {
        var context = new BenchContext(BenchOptions.Quick, new StringWriter());
        context.Report("kith_msgs_per_s", 60_000, "msgs/s");
        context.Report("signal_msgs_per_s", 2, "ms");

        Assert.Throws<InvalidOperationException>(() => context.TryComputeRatio(Ratio, out _));
    }

    [Fact]
    public void Report_prints_the_bench_line_and_keeps_the_figure()
    {
        var output = new StringWriter();
        var context = new BenchContext(BenchOptions.Quick, output);

        context.Report("bound_x25519_agree_ns", 38949.795, "ns");

        Assert.Equal("BENCH bound_x25519_agree_ns 38949.8 ns" + Environment.NewLine, output.ToString());
        Assert.Equal(38949.795, context.Figures["bound_x25519_agree_ns"].Value);
    }

    [Theory]
    [InlineData("Has Space", "ns")]
    [InlineData("ok_name", "two words")]
    [InlineData("ok_name", "")]
    public void Names_and_units_that_would_break_the_line_format_are_refused(string name, string unit) =>
        Assert.Throws<ArgumentException>(() => new BenchContext(BenchOptions.Quick, new StringWriter()).Report(name, 1, unit));

    [Fact]
    public void Run_reports_a_failing_group_and_still_runs_the_next()
    {
        var output = new StringWriter();
        var context = new BenchContext(BenchOptions.Quick, output);

        int exitCode = Program.Run([new FailingGroup(), new FixedGroup()], context);

        Assert.Equal(1, exitCode);
        Assert.Contains("BENCH fixed_figure 7 units", output.ToString(), StringComparison.Ordinal);
    }

    private sealed class FailingGroup : IBenchmarkGroup
    {
        public string Name => "failing";

        public string Description => "throws";

        public void Run(BenchContext context) => throw new InvalidOperationException("broken on purpose");
    }

    private sealed class FixedGroup : IBenchmarkGroup
    {
        public string Name => "fixed";

        public string Description => "reports a constant";

        public void Run(BenchContext context) => context.Report("fixed_figure", 7, "units");
    }
}
