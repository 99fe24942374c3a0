using System.Text.Json;
using Kith.Api;
using Kith.Api.Connection;

namespace Kith.Cli.Tests.Processes;

/// <summary>A <c>kith-node run --direct</c> process over a temporary data folder made with <c>kith init</c>.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly ProgramProcess _node;

    private NodeProcess(string folder, ProgramProcess node)
    {
        Folder = folder;
        _node = node;
    }

    /// <summary>The folder to pass as <c>--data</c>.</summary>
    public string Folder { get; }

    /// <summary>Creates the device and runs its node; returns once the node serves its API (its api.json names its PID).</summary>
    public static async Task<NodeProcess> StartAsync(string name)
    {
        string folder = Directory.CreateTempSubdirectory($"kith-two-processes-{name}-").FullName;
        CliRun init = await ProgramProcess.RunAsync("kith", "init", "--name", name, "--data", folder);
        Assert.True(init.ExitCode == 0, init.Error);
        var node = new NodeProcess(folder, ProgramProcess.Start("kith-node", "run", "--direct", "--data", folder));
        await node._node.WaitForOutputAsync("Local API:");
        string file = File.ReadAllText(Path.Combine(folder, ApiConnection.FileName));
        Assert.Equal(node._node.Id, JsonSerializer.Deserialize(file, ApiJson.Default.ApiConnection)!.ProcessId);
        return node;
    }

    public void Dispose()
    {
        _node.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
