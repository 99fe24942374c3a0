using System.Net.Http.Headers;
using System.Text;
using Kith.Api.Connection;
using Kith.Crypto;
using Kith.Node.Device;
using Kith.Storage.Database;
using Kith.Storage.Keyring;

namespace Kith.Node.Tests.Support;

/// <summary>
/// A node in direct mode (no tor) over a temporary data folder, started in-process on 127.0.0.1 with cheap KDF
/// costs and seeded randomness; disposing stops it and deletes the folder.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("correct horse battery staple");

    private TestNode(string folder, NodeHost host)
    {
        Folder = folder;
        Host = host;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Api.Port}") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ApiAuth.Scheme, host.Api.Token.Value);
    }

    public string Folder { get; }

    internal NodeHost Host { get; }

    /// <summary>A client sending this node's token.</summary>
    public HttpClient Http { get; }

    internal static NodeOptions Options(ulong seed) => new()
    {
        Random = new SeededRandomSource(seed),
        Database = new KithDatabaseOptions { KdfParameters = new PassphraseKdfParameters(1, 256), Random = new SeededRandomSource(seed + 1000) },
    };

    public static string NewFolder() => Directory.CreateTempSubdirectory("kith-node-test-").FullName;

    /// <summary>Creates a device named <paramref name="name"/> in a new folder and starts its node.</summary>
    public static Task<TestNode> StartAsync(string name, ulong seed) => StartAsync(name, Options(seed));

    /// <summary>Creates a device named <paramref name="name"/> in a new folder and starts its node with <paramref name="options"/>.</summary>
    internal static async Task<TestNode> StartAsync(string name, NodeOptions options, MessengerFactory? messenger = null)
    {
        string folder = NewFolder();
        Assert.True(DeviceSetup.Create(folder, Passphrase, name, options).IsOk);
        LocalDevice device = LocalDevice.Open(folder, Passphrase, options).Value;
        NodeHost host = (await NodeHost.StartAsync(device, folder, new RunSettings(Direct: true, null, null), options, messenger, TestContext.Current.CancellationToken)).Value;
        return new TestNode(folder, host);
    }

    /// <summary>Creates a device with no account (<c>init --link</c>) in a new folder and starts its node, waiting to be linked.</summary>
    internal static Task<TestNode> StartUnlinkedAsync(NodeOptions options, MessengerFactory? messenger = null)
    {
        string folder = NewFolder();
        Assert.True(DeviceSetup.CreateUnlinked(folder, Passphrase, options).IsOk);
        return StartExistingAsync(folder, options, messenger);
    }

    /// <summary>Starts a node over an existing data folder (a device prepared by the test).</summary>
    internal static async Task<TestNode> StartExistingAsync(string folder, NodeOptions options, MessengerFactory? messenger = null)
    {
        LocalDevice device = LocalDevice.Open(folder, Passphrase, options).Value;
        NodeHost host = (await NodeHost.StartAsync(device, folder, new RunSettings(Direct: true, null, null), options, messenger, TestContext.Current.CancellationToken)).Value;
        return new TestNode(folder, host);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
