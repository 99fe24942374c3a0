using System.Diagnostics;

namespace Kith.Cli.Commands;

/// <summary>
/// Runs <c>kith-node</c>, which is built beside <c>kith</c> (the CLI may reference only Kith.Api, so it starts the
/// node as a process rather than linking it). <see cref="OverrideVariable"/> names another executable. The child's
/// output is copied to the CLI's writers as it comes; standard input is the CLI's, so the passphrase prompt works.
/// </summary>
internal static class NodeLauncher
{
    /// <summary>An explicit path to <c>kith-node</c> (its apphost or <c>kith-node.dll</c>).</summary>
    public const string OverrideVariable = "KITH_NODE";

    private static readonly string[] NodeFileNames = ["kith-node", "kith-node.exe", "kith-node.dll"];

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CliIo io)
    {
        if (Locate() is not { } start)
        {
            io.Error.WriteLine("kith-node was not found next to kith: build both (./kith.sh does), or set KITH_NODE to its path.");
            return NodeCall.Failed;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using Process process = Process.Start(start)!;
        Task output = CopyAsync(process.StandardOutput, io.Out);
        Task error = CopyAsync(process.StandardError, io.Error);
        // Ctrl+C reaches the node too (same process group); it stops itself, and kith waits for that.
        await process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    private static ProcessStartInfo? Locate()
    {
        string? path = Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } configured
            ? configured
            : NodeFileNames.Select(name => Path.Combine(AppContext.BaseDirectory, name)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return new ProcessStartInfo(path);
        }

        var viaHost = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet");
        viaHost.ArgumentList.Add(path);
        return viaHost;
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
        }
    }
}
