using Kith.Bench.Harness;

namespace Kith.Bench.Tests;

public sealed class BenchLineTests
{
    [Theory]
    [InlineData(81234.5678, "81234.6")]
    [InlineData(0.000234567, "0.000234567")]
    [InlineData(2.5, "2.5")]
    public void Figure_formats_with_six_significant_digits_in_the_invariant_culture(double value, string expected) =>
        Assert.Equal($"BENCH ratchet_oneway_msgs_per_s {expected} msgs/s", BenchLine.Format(new("ratchet_oneway_msgs_per_s", value, "msgs/s")));

    [Fact]
    public void Formatted_figure_parses_back()
    {
        var figure = new BenchFigure("libsignal_session_setup_ms", 2.29183, "ms");

        Assert.True(BenchLine.TryParse(BenchLine.Format(figure), out BenchFigure? parsed));
        Assert.Equal(figure, parsed);
    }

    [Theory]
    [InlineData("BENCH libsignal_oneway_msgs_per_s 1822.9")]
    [InlineData("BENCH Libsignal 1 x")]
    [InlineData("BENCH a NaN x")]
    [InlineData("BENCH a 1,5 x")]
    [InlineData("RATIO a 1.5")]
    [InlineData("# BENCH a 1 x")]
    [InlineData("")]
    public void Anything_but_a_well_formed_bench_line_is_not_parsed(string line)
    {
        Assert.False(BenchLine.TryParse(line, out BenchFigure? figure));
        Assert.Null(figure);
    }

    [Fact]
    public void Node_output_with_exponent_parses()
    {
        Assert.True(BenchLine.TryParse("BENCH x_ms 1.5e-7 ms", out BenchFigure? figure));
        Assert.Equal(1.5e-7, figure!.Value);
    }
}
