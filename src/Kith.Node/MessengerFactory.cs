using Kith.Engine.Delivery;
using Kith.Engine.Links;
using Kith.Engine.Messaging;
using Kith.Node.Services;
using Kith.Storage.Stores;
using Kith.Node.Device;

namespace Kith.Node;

/// <summary>
/// The Messenger's slot (issue 5): builds the application's handlers of delivered items and sync messages for
/// <paramref name="device"/>. <paramref name="engine"/> gives the engine they are plugged into once it exists (the
/// handlers send sync messages and run steps through it; the engine needs the handlers first).
/// </summary>
/// <remarks><paramref name="links"/> are the node's peer links, for a Messenger that builds its own engine.</remarks>
internal delegate MessengerHandlers MessengerFactory(LocalDevice device, IDeviceLinks links, Func<DeliveryEngine> engine);

/// <summary>What the Messenger plugs into the <see cref="DeliveryEngine"/>.</summary>
/// <param name="Inbound">Applies delivered items inside the engine's steps.</param>
/// <param name="Sync">Starts and continues conversation sync when devices connect.</param>
/// <param name="Messenger">
/// The full <see cref="Kith.Engine.Messaging.Messenger"/> when it is what the slot holds: it owns its engine (the node
/// uses <c>Messenger.Engine</c> and starts it with <c>Messenger.Start</c>) and serves the API's send and chat calls.
/// </param>
/// <param name="Refresh">Called when a contact changed (outside engine steps): re-read what the handlers know of accounts.</param>
internal sealed record MessengerHandlers(IInboundHandler Inbound, ISyncHandler Sync, Messenger? Messenger = null, Action? Refresh = null)
{
    /// <summary>The node's own Messenger for <paramref name="device"/> over <paramref name="links"/>.</summary>
    public static MessengerHandlers Of(LocalDevice device, IDeviceLinks links, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        var directory = new NodeMessengerDirectory(device);
        var messenger = new Messenger(device.Keys, directory, new SqliteStepRunner(device.Database), links, options.Time, options.Random);
        // The directory reads the stores live (joining a running step's transaction), so a contact change needs
        // only the messenger's membership refreshed.
        return new MessengerHandlers(messenger, messenger, messenger, messenger.RefreshMembership);
    }
}
