using Kith.Engine.Messaging;
using Kith.Node.DeviceLinking;
using Kith.Node.Services;

namespace Kith.Node.LocalApi;

/// <summary>
/// What the endpoints call: the node's services and its live state. <paramref name="Messenger"/> is null until the
/// node is connected to the delivery engine; the messaging endpoints then answer 503.
/// </summary>
internal sealed record NodeServices(StatusBoard Status, EventHub Events, IdentityService Identity, ContactService Contacts,
    DeviceService Devices, Messenger? Messenger = null)
{
    /// <summary>The messenger; a device linked while the node runs gets one then.</summary>
    public Messenger? Messenger { get; set; } = Messenger;

    /// <summary>Device linking, when the node serves it.</summary>
    public LinkService? Linking { get; init; }

    /// <summary>Whether this device is in an account (false while it waits to be linked).</summary>
    public Func<bool> IsLinked { get; init; } = () => true;
}
