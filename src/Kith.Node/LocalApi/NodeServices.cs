using Kith.Node.Services;

namespace Kith.Node.LocalApi;

/// <summary>What the endpoints call: the node's services and its live state.</summary>
internal sealed record NodeServices(StatusBoard Status, EventHub Events, IdentityService Identity, ContactService Contacts,
    DeviceService Devices);
