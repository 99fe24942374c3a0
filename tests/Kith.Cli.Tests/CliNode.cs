using System.Text;
using Kith.Crypto;
using Kith.Node;
using Kith.Node.Device;
using Kith.Storage.Database;
using Kith.Storage.Keyring;

namespace Kith.Cli.Tests;

/// <summary>A node in direct mode over a temporary data folder, started in-process for the CLI to find through api.json.</summary>
public sealed class CliNode : IAsyncDisposable
{
    private static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("cli test passphrase");

    private CliNode(string folder, NodeHost host)
    {
        Folder = folder;
        Host = host;
    }

    public string Folder { get; }

    internal NodeHost Host { get; }

    public static Task<CliNode> StartAsync(string name, ulong seed) => StartAsync(name, seed, toLink: false);

    /// <summary>A device made by <c>init --link</c>: no account, waiting to be linked.</summary>
    public static Task<CliNode> StartUnlinkedAsync(ulong seed) => StartAsync(null, seed, toLink: true);

    private static async Task<CliNode> StartAsync(string? name, ulong seed, bool toLink)
    {
        string folder = Directory.CreateTempSubdirectory("kith-cli-test-").FullName;
        var options = new NodeOptions
        {
            Random = new SeededRandomSource(seed),
            Database = new KithDatabaseOptions { KdfParameters = new PassphraseKdfParameters(1, 256), Random = new SeededRandomSource(seed + 1000) },
        };
        Assert.True(toLink ? DeviceSetup.CreateUnlinked(folder, Passphrase, options).IsOk : DeviceSetup.Create(folder, Passphrase, name, options).IsOk);
        LocalDevice device = LocalDevice.Open(folder, Passphrase, options).Value;
        NodeHost host = (await NodeHost.StartAsync(device, folder, new RunSettings(Direct: true, null, null), options, messenger: null, TestContext.Current.CancellationToken)).Value;
        return new CliNode(folder, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
