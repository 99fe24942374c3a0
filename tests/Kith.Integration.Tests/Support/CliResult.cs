namespace Kith.Integration.Tests.Support;

/// <summary>What one <c>kith</c> (or <c>kith-node</c>) command did: its exit code and everything it printed.</summary>
internal sealed record CliResult(string Command, int ExitCode, string Output)
{
    public CliResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"`{Command}` exited with {ExitCode}:\n{Output}");
}
