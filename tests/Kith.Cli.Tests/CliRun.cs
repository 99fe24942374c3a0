namespace Kith.Cli.Tests;

/// <summary>One `kith` invocation in-process: exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, new CliIo(output, error, interactive: false), TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The failure contract: a non-zero exit code, one sentence on standard error, nothing on standard output.</summary>
    public void AssertOneSentenceFailure()
    {
        Assert.NotEqual(0, ExitCode);
        Assert.Equal("", Out);
        string[] lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.EndsWith(".", lines[0], StringComparison.Ordinal);
    }
}
