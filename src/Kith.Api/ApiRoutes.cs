namespace Kith.Api;

/// <summary>
/// The local API's paths, shared by the node that serves them and every client (the CLI, later the browser UI).
/// Versioned under <c>/v1</c> so a newer CLI can tell an older node apart instead of misreading it.
/// </summary>
public static class ApiRoutes
{
    /// <summary>Prefix of every route.</summary>
    public const string Prefix = "/v1";

    /// <summary><c>GET</c>: <see cref="Status.NodeStatus"/>.</summary>
    public const string Status = Prefix + "/status";

    /// <summary><c>GET</c>: <see cref="Identity.IdentityCard"/>, this account's contact card.</summary>
    public const string Identity = Prefix + "/id";

    /// <summary><c>GET</c>: the contacts; <c>POST</c> <see cref="Contacts.AddContactRequest"/>: add one.</summary>
    public const string Contacts = Prefix + "/contacts";

    /// <summary><c>GET</c>: <see cref="Contacts.SafetyNumberView"/>; <c>POST</c> <see cref="Contacts.VerifyRequest"/>.</summary>
    public const string Verify = Prefix + "/contacts/{contact}/verify";

    /// <summary><c>GET</c>: this account's devices.</summary>
    public const string Devices = Prefix + "/devices";

    /// <summary><c>POST</c> <see cref="Devices.LinkDeviceRequest"/> starts or confirms a link; <c>GET</c> its <see cref="Devices.LinkDeviceProgress"/>.</summary>
    public const string DeviceLink = Prefix + "/devices/link";

    /// <summary><c>POST</c> <see cref="Devices.RevokeDeviceRequest"/> (engine wiring, not served yet).</summary>
    public const string DeviceRevoke = Prefix + "/devices/revoke";

    /// <summary><c>POST</c> <see cref="Messages.SendRequest"/> (<see cref="Messages.MessageView"/>).</summary>
    public const string Send = Prefix + "/messages";

    /// <summary><c>GET</c>: a chat's latest messages (<see cref="Messages.ChatView"/>).</summary>
    public const string Chat = Prefix + "/chats/{contact}";

    /// <summary><c>POST</c> <see cref="Messages.DeleteRequest"/>: deletes one message on all of this account's devices (204).</summary>
    public const string Delete = Prefix + "/messages/delete";

    /// <summary>
    /// <c>POST</c>, no body: deletes every message of the chat with <c>{contact}</c> on all of this account's devices
    /// (204). A route of its own rather than a <see cref="Messages.DeleteRequest"/> without a message id, so a
    /// request that lost a field can never empty a chat.
    /// </summary>
    public const string DeleteChat = Prefix + "/chats/{contact}/delete";

    /// <summary><c>GET</c>: the live event stream as server-sent events (<see cref="Events.NodeEvent"/>).</summary>
    public const string Events = Prefix + "/events";

    /// <summary>A route with its <c>{contact}</c> placeholder filled, escaped for a URL path.</summary>
    public static string ForContact(string route, string contact)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(contact);
        return route.Replace("{contact}", Uri.EscapeDataString(contact), StringComparison.Ordinal);
    }
}
