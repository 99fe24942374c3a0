namespace Kith.Cli.Client;

/// <summary>Why a command could not do what was asked: one sentence for the person (the node's, or the CLI's own).</summary>
/// <param name="Code">A stable code, the node's where it came from the node.</param>
/// <param name="Message">The sentence.</param>
internal sealed record CliFailure(string Code, string Message)
{
    public static CliFailure NodeNotRunning(string folder) => new("cli.node_not_running",
        $"No node is running for {folder}: start it with `kith node run` (or pass the right --data).");

    public static CliFailure NodeUnreachable => new("cli.node_unreachable",
        "The node did not answer on its local port: it may have stopped; start it again with `kith node run`.");

    public static CliFailure BadAnswer => new("cli.bad_answer",
        "The node answered with something this version of kith does not understand; update kith and the node together.");
}
