using Kith.Api.Events;
using Kith.Crypto;
using Kith.Engine.Delivery;
using Kith.Engine.Messaging;
using Kith.Node.Device;
using Kith.Node.LocalApi;
using Kith.Node.Peers;
using Kith.Storage.Stores;

namespace Kith.Node;

/// <summary>
/// Composes delivery over the peer links (docs/ARCHITECTURE.md, Kith.Node): a <see cref="DeliveryEngine"/> on a
/// <see cref="SqliteStepRunner"/> over the device's store, fed by <see cref="TransportDeviceLinks"/>; keeps the status
/// board's <c>PeersOnline</c> and <c>OutboxPending</c> current, and links to contacts' devices as they are added.
/// </summary>
internal sealed class NodeDelivery : IAsyncDisposable
{
    private readonly PeerNetwork _network;
    private readonly StatusBoard _status;
    private readonly EventReader? _contacts;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private Action? _refresh;

    private NodeDelivery(PeerNetwork network, StatusBoard status, EventHub events, DeliveryEngine? engine)
    {
        _network = network;
        _status = status;
        Engine = engine;
        _contacts = events.Subscribe();
        _watching = WatchContactsAsync();
    }

    /// <summary>The engine, or null while no Messenger is plugged in (there is nothing to deliver without one).</summary>
    public DeliveryEngine? Engine { get; }

    /// <summary>The node's Messenger (send, chat, delete), or null when the slot holds bare handlers or nothing.</summary>
    public Messenger? Messenger { get; private init; }

    /// <summary>
    /// Starts delivery: the engine when <paramref name="messenger"/> is given, then links to every known peer.
    /// </summary>
    public static NodeDelivery Start(LocalDevice device, PeerNetwork network, StatusBoard status, EventHub events,
        MessengerFactory? messenger, TimeProvider time, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(events);
        DeliveryEngine? engine = null;
        MessengerHandlers? handlers = null;
        if (messenger is not null)
        {
            handlers = messenger(device, network.Links, () => engine ?? throw new InvalidOperationException("The engine is not built yet."));
            engine = handlers.Messenger?.Engine
                ?? new DeliveryEngine(new SqliteStepRunner(device.Database), network.Links, handlers.Inbound, handlers.Sync, time, random);
        }

        var delivery = new NodeDelivery(network, status, events, engine) { Messenger = handlers?.Messenger, _refresh = handlers?.Refresh };
        network.Manager.PeerConnected += delivery.OnPeersChanged;
        network.Manager.PeerDisconnected += delivery.OnPeersChanged;
        if (engine is not null)
        {
            engine.DeliveryChanged += (_, _) => delivery.ShowPending();
            if (handlers?.Messenger is { } owner)
            {
                // An account update (a device linked or revoked, here or at a contact) changes who may link: link to
                // new devices, forget revoked ones.
                owner.AccountChanged += (_, _) => network.Links.ConnectKnown();
                // Opens every conversation from the store, then starts its engine.
                owner.Start();
            }
            else
            {
                engine.Start();
            }

            delivery.ShowPending();
        }

        network.Links.ConnectKnown();
        return delivery;
    }

    /// <summary>Stops watching contacts and the engine's timer; the links close with the <see cref="PeerNetwork"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        _contacts?.Dispose();
        if (Messenger is not null)
        {
            Messenger.Dispose();
        }
        else
        {
            Engine?.Dispose();
        }
        _stop.Dispose();
    }

    private void OnPeersChanged(object? sender, EventArgs e)
    {
        int online = _network.Links.ConnectedCount;
        _status.Update(s => s with { PeersOnline = online });
    }

    private void ShowPending()
    {
        // Outbox rows are few per contact device; the count is checked into an int for the status DTO.
        int pending = checked((int)Engine!.PendingCount());
        _status.Update(s => s with { OutboxPending = pending });
    }

    private async Task WatchContactsAsync()
    {
        if (_contacts is null)
        {
            return;
        }

        try
        {
            await foreach (NodeEvent item in _contacts.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (item is ContactChanged)
                {
                    // A new or refreshed contact brings device records and a log: the messenger learns the new
                    // members (a new 1:1 conversation, rotated chains), then links to its devices now.
                    _refresh?.Invoke();
                    _network.Links.ConnectKnown();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
