using System.CommandLine;
using Kith.Cli.Commands;

namespace Kith.Cli;

/// <summary>The <c>kith</c> command tree (issue 5, "The CLI"), built over <see cref="CliIo"/> so tests run it in-process.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliIo io)
    {
        var global = new GlobalOptions();
        return new RootCommand("Kith: an end-to-end encrypted messenger with no servers, reached over Tor.")
        {
            global.Data,
            global.Json,
            NodeCommands.Init(global, io),
            NodeCommands.Node(global, io),
            IdCommand.Create(global, io),
            ContactCommands.Add(global, io),
            ContactCommands.List(global, io),
            VerifyCommand.Create(global, io),
            StatusCommand.Create(global, io),
            DevicesCommand.Create(global, io),
            MessageCommands.Send(global, io),
            ChatCommand.Create(global, io),
            DeleteCommand.Create(global, io),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; usage errors go to <see cref="CliIo.Error"/> with a non-zero exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(io);
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error };
        return Build(io).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
