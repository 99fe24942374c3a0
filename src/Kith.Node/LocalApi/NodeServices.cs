using Kith.Engine.Messaging;
using Kith.Node.Services;

namespace Kith.Node.LocalApi;

/// <summary>
/// What the endpoints call: the node's services and its live state. <paramref name="Messenger"/> is null until the
/// node is connected to the delivery engine; the messaging endpoints then answer 503.
/// </summary>
internal sealed record NodeServices(StatusBoard Status, EventHub Events, IdentityService Identity, ContactService Contacts,
    DeviceService Devices, Messenger? Messenger = null);
