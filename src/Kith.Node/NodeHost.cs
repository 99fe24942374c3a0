using System.Net;
using Kith.Api.Status;
using Kith.Engine.Delivery;
using Kith.Engine.Messaging;
using Kith.Node.Device;
using Kith.Node.DeviceLinking;
using Kith.Node.LocalApi;
using Kith.Node.Peers;
using Kith.Node.Services;
using Kith.Node.Tor;
using Kith.Primitives.Errors;
using Kith.Tor.Hosting;
using Kith.Storage.Stores;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Microsoft.Extensions.Logging;

namespace Kith.Node;

/// <summary>
/// A running node, composed (docs/ARCHITECTURE.md, Kith.Node: "the composition root"): the open device, the peer
/// listener, tor (unless direct), and the local API. Tor's bootstrap and the onion publication run in the
/// background so the API answers at once and <c>kith status</c> can show the progress.
/// </summary>
internal sealed class NodeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private PeerNetwork? _peers;
    private NodeDelivery? _delivery;
    private ITor? _tor;
    private Task _background = Task.CompletedTask;
    private MessengerEvents? _messengerEvents;
    private NodeServices? _services;
    private LinkService? _linking;
    private MessengerFactory? _messenger;
    private NodeOptions _options = NodeOptions.Default;

    private NodeHost(LocalDevice device, StatusBoard status, EventHub events)
    {
        Device = device;
        Status = status;
        Events = events;
    }

    /// <summary>The device.</summary>
    public LocalDevice Device { get; }

    /// <summary>The status board.</summary>
    public StatusBoard Status { get; }

    /// <summary>The live event hub.</summary>
    public EventHub Events { get; }

    /// <summary>The local API, once started.</summary>
    public ApiServer Api { get; private set; } = null!;

    /// <summary>Where peers connect on loopback.</summary>
    public IPEndPoint PeerEndPoint => Peers.EndPoint;

    /// <summary>This device's links.</summary>
    public PeerNetwork Peers => _peers!;

    /// <summary>The delivery engine, or null while no Messenger is plugged in.</summary>
    public DeliveryEngine? Engine => _delivery?.Engine;

    /// <summary>The node's Messenger (send, chat, delete), or null when none is plugged in (or the device waits to be linked).</summary>
    internal Messenger? Messenger => _delivery?.Messenger;

    /// <summary>Device linking (<c>kith devices link</c>).</summary>
    internal LinkService Linking => _linking!;

    /// <summary>
    /// Starts everything for <paramref name="device"/>, which the host then owns. Tor failing to start (missing, or
    /// its control port refusing) fails the start with one sentence; nothing is left running.
    /// </summary>
    /// <param name="device">The opened device.</param>
    /// <param name="folder">The data folder (tor's data, api.json), or null for none.</param>
    /// <param name="settings">How to reach peers.</param>
    /// <param name="options">Clock, randomness and store options.</param>
    /// <param name="messenger">The Messenger's slot: builds the engine's handlers of delivered items and sync. Until
    /// one is plugged in, the node links with its peers but runs no delivery engine.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<Result<NodeHost>> StartAsync(LocalDevice device, string? folder, RunSettings settings, NodeOptions options,
        MessengerFactory? messenger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var events = new EventHub();
        NodeMode mode = settings.Direct ? NodeMode.Direct : settings.TorControl is null ? NodeMode.Tor : NodeMode.ExistingTor;
        // A device made by `init --link` waits to be linked: its listener is up (the existing device dials it), its
        // messenger starts once it adopted an account (docs/ACCOUNTS.md, "Linking a device").
        string name = device.IsLinked ? device.LoadAccountLog().Current().DisplayName : "";
        var gate = new LinkGate();
        // Direct links (NOT ANONYMOUS) need no tor, so their listener's port is known before the status is.
        PeerNetwork? direct = settings.Direct ? PeerNetwork.Start(device, null, options.Time, options.Random, (key, _) => gate.Admit(key)) : null;
        var status = new StatusBoard(new NodeStatus(mode, Anonymous: !settings.Direct, settings.Direct ? null : new TorStatus(0, "starting", null),
            null, direct?.EndPoint.ToString(), AccountText(device), device.Device.ToString(), name, 0, 0), events);
        var host = new NodeHost(device, status, events) { _peers = direct, _messenger = messenger, _options = options };
        try
        {
            if (!settings.Direct)
            {
                if (!(await TorStartup.StartAsync(settings, folder ?? Path.GetTempPath(), cancellationToken)).TryGet(out ITor? tor, out KithError? torError))
                {
                    await host.DisposeAsync();
                    return torError;
                }

                host._tor = tor;
            }

            // Onion links dial through tor's SOCKS port, known only now.
            PeerNetwork peers = host._peers ??= PeerNetwork.Start(device, host._tor!.SocksEndPoint, options.Time, options.Random, (key, _) => gate.Admit(key));
            gate.Attach(peers.Manager);
            if (device.IsLinked)
            {
                device.StoreOwnRecord(host.Transports(), options.Time.GetUtcNow().ToUnixTimeMilliseconds());
            }

            host._delivery = device.IsLinked ? NodeDelivery.Start(device, peers, status, events, messenger, options.Time, peers.Options.Random) : null;
            var context = new LinkContext(device, peers.Dialer, settings.Direct, options.Time, peers.Options.Random,
                () => device.Keys.IssueRecord(host.Transports(), options.Time.GetUtcNow().ToUnixTimeMilliseconds()), host.PublishLinked, host.AfterLinking,
                options.Logs.CreateLogger<LinkService>());
            host._linking = new LinkService(context, gate, peers.Manager, host.Transports, host.Adopted);

            var services = new NodeServices(status, events, new IdentityService(device, host.Transports, options.Time),
                new ContactService(device, events, options.Time), new DeviceService(device), host._delivery?.Messenger)
            {
                Linking = host._linking,
                IsLinked = () => device.IsLinked,
            };
            host._services = services;
            // Messages shown and delivery changes reach the live stream (kith chat, the browser UI).
            host._messengerEvents = MessengerEvents.Attach(services);
            if (!(await ApiServer.StartAsync(IPAddress.Loopback, services, ApiToken.Generate(peers.Options.Random), folder, cancellationToken))
                .TryGet(out ApiServer? api, out KithError? apiError))
            {
                await host.DisposeAsync();
                return apiError;
            }

            host.Api = api;
            if (host._tor is { } running)
            {
                host._background = Task.Run(() => TorStartup.PublishAsync(running, device, peers.EndPoint, status, host._stop.Token), CancellationToken.None);
                if (running is TorProcess supervised)
                {
                    // A restarted tor has forgotten the onion service (ADD_ONION without Detach ends with the control
                    // connection): publish it again, with the same key, so the address stays the same.
                    supervised.Restarted += (_, _) => host.Republish(supervised);
                }
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the API, tor (if started here) and the listener, and closes the device.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _background;
        }
        catch (OperationCanceledException)
        {
            // Stopped while tor was bootstrapping.
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        _linking?.Dispose();

        _messengerEvents?.Dispose();

        if (_tor is not null)
        {
            await _tor.DisposeAsync();
        }

        // Links close first: their last disconnect events still reach a live messenger (which ends its sync
        // sessions in a step); the messenger and its engine stop after.
        if (_peers is not null)
        {
            await _peers.DisposeAsync();
        }

        if (_delivery is not null)
        {
            await _delivery.DisposeAsync();
        }

        Device.Dispose();
        _stop.Dispose();
    }

    private static string AccountText(LocalDevice device) => device.IsLinked ? device.Account.ToString() : "";

    /// <summary>
    /// This (new) device adopted an account: its delivery engine and messenger start now, as they would have at
    /// start, and the API and the status show the account.
    /// </summary>
    private void Adopted()
    {
        lock (_stop)
        {
            if (_delivery is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                Device.StoreOwnRecord(Transports(), _options.Time.GetUtcNow().ToUnixTimeMilliseconds());
                _delivery = NodeDelivery.Start(Device, Peers, Status, Events, _messenger, _options.Time, Peers.Options.Random);
            }
            catch (ObjectDisposedException)
            {
                // The node stopped right after the adoption committed: the messenger starts at the next run.
                return;
            }

            _services!.Messenger = _delivery.Messenger;
            _messengerEvents = MessengerEvents.Attach(_services);
        }

        string name = Device.LoadAccountLog().Current().DisplayName;
        Status.Update(s => s with { AccountId = Device.Account.ToString(), DisplayName = name });
    }

    /// <summary>
    /// This device added a new device to the account: the entry and the new device's record go to the own log and
    /// to every other member and contact device in one step (<see cref="Messenger.PublishAccountChange"/>, which also
    /// refreshes the messenger's membership). A node without a messenger (tests of the API alone) only stores them.
    /// </summary>
    private Result<Unit> PublishLinked(AccountEntry entry, DeviceRecord record)
    {
        if (Messenger is { } messenger)
        {
            return messenger.PublishAccountChange([entry], [record]);
        }

        bool known = Device.LoadAccountLog().Contains(entry.Id);
        Device.Database.RunInTransaction(transaction =>
        {
            // Linking a listed device again (its copies never arrived) publishes the earlier entry: stored already.
            if (!known)
            {
                new SqliteAccountLogStore(transaction).Append(Device.Account, entry);
            }

            new SqliteDeviceRecordStore(transaction).Put(Device.Account, record);
        });
        return Result.Ok();
    }

    /// <summary>The link finished: the node links to the new device now rather than at its next send.</summary>
    private void AfterLinking() => Peers.Links.ConnectKnown();

    private void Republish(ITor tor)
    {
        Status.Update(s => s with { OnionAddress = null, Tor = new TorStatus(0, "restarting", null) });
        Task previous = _background;
        _background = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            await TorStartup.PublishAsync(tor, Device, Peers.EndPoint, Status, _stop.Token).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    private IReadOnlyList<DeviceTransport> Transports() => Status.Current.Mode == NodeMode.Direct
        ? [DeviceTransport.DirectTcp(Peers.EndPoint.Address.ToString(), (ushort)Peers.EndPoint.Port)]
        : [DeviceTransport.Onion(PeerNetwork.OnionVirtualPort)];
}
