using System.Net;
using Kith.Crypto;
using Kith.Engine.Links;
using Kith.Engine.Messaging;
using Kith.Node.LocalApi;
using Kith.Node.Services;
using Kith.Primitives.Ids;
using Kith.Storage.Stores;

namespace Kith.Cli.Tests;

/// <summary>
/// A second local API on a <see cref="CliNode"/>'s device whose services carry a <see cref="Messenger"/> over links on
/// which no peer is connected (so sent messages stay queued), announced in its own data folder for the CLI.
/// </summary>
internal sealed class WiredApi : IAsyncDisposable
{
    private readonly ApiServer _api;
    private readonly MessengerEvents _events;
    private readonly Messenger _messenger;

    private WiredApi(string folder, ApiServer api, Messenger messenger, MessengerEvents events)
    {
        Folder = folder;
        _api = api;
        _messenger = messenger;
        _events = events;
    }

    /// <summary>The folder to pass as <c>--data</c>.</summary>
    public string Folder { get; }

    public static async Task<WiredApi> StartAsync(CliNode node)
    {
        string folder = Directory.CreateTempSubdirectory("kith-cli-wired-").FullName;
        var time = new StoppedClock();
        var contacts = new ContactService(node.Host.Device, node.Host.Events, time);
        var messenger = new Messenger(node.Host.Device.Keys, contacts.Directory(), new SqliteStepRunner(node.Host.Device.Database),
            new OfflineLinks(), time, new SeededRandomSource(7));
        var services = new NodeServices(node.Host.Status, new EventHub(), null!, contacts, new DeviceService(node.Host.Device), messenger);
        ApiServer api = (await ApiServer.StartAsync(IPAddress.Loopback, services, ApiToken.Generate(new SeededRandomSource(8)), folder,
            TestContext.Current.CancellationToken)).Value;
        MessengerEvents events = MessengerEvents.Attach(services)!;
        messenger.Start();
        return new WiredApi(folder, api, messenger, events);
    }

    public async ValueTask DisposeAsync()
    {
        _events.Dispose();
        await _api.DisposeAsync();
        _messenger.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private sealed class OfflineLinks : IDeviceLinks
    {
        public bool Send(DeviceId device, ReadOnlyMemory<byte> frame) => false;

        public void Subscribe(IDeviceLinkObserver observer)
        {
        }
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
    }
}
