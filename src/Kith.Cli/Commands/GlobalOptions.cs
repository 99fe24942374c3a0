using System.CommandLine;
using Kith.Api.Connection;

namespace Kith.Cli.Commands;

/// <summary>Options every command takes (<c>Recursive</c>: they may follow any subcommand).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The node's data folder (default: $XDG_DATA_HOME/kith, else ~/.local/share/kith).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON, for scripts.",
        Recursive = true,
    };

    public string Folder(ParseResult parse) => DataFolder.Resolve(parse.GetValue(Data), Environment.GetEnvironmentVariable);
}
