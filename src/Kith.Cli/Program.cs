using System.CommandLine;

namespace Kith.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Kith: an end-to-end encrypted messenger with no servers, reached over Tor.");
        return root.Parse(args).InvokeAsync();
    }
}
