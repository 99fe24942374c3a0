using Kith.Primitives.Errors;

namespace Kith.Node;

/// <summary>Errors the node itself reports (its components' errors pass through with their own codes).</summary>
internal static class NodeErrors
{
    public static readonly KithError NoPassphrase = new("node.no_passphrase", ErrorScope.Input, false,
        "No passphrase: set KITH_PASSPHRASE or run the command in a terminal to be asked for one.");

    public static readonly KithError NotInitialised = new("node.not_initialised", ErrorScope.Local, false,
        "This data folder has no Kith device yet: run `kith init` first.");

    public static readonly KithError AlreadyInitialised = new("node.already_initialised", ErrorScope.Local, false,
        "This data folder already holds a Kith device; use another folder with --data to create a second one.");

    public static readonly KithError NoDevice = new("node.no_device", ErrorScope.Local, false,
        "The store in this data folder holds no device keys; it was created by an interrupted `kith init`.");

    public static readonly KithError UnknownContact = new("node.unknown_contact", ErrorScope.Input, false,
        "No contact matches that name or id: `kith contacts` lists them.");

    public static readonly KithError AmbiguousContact = new("node.ambiguous_contact", ErrorScope.Input, false,
        "More than one contact matches that name or id: give more digits of the account id.");

    public static readonly KithError OwnCard = new("node.own_card", ErrorScope.Input, false,
        "That is this account's own card; add the card of the person you want to talk to.");

    public static readonly KithError BadDisplayName = new("node.bad_display_name", ErrorScope.Input, false,
        "The name is too long or has control characters; use at most 256 bytes of printable text.");

    public static readonly KithError TorMissing = new("node.tor_missing", ErrorScope.Local, false,
        "Tor is not installed: install it (on Debian or Ubuntu: sudo apt-get install tor), point Kith at a running tor with --tor-control, or run with --direct, which is NOT ANONYMOUS.");

    public static readonly KithError NonLoopbackBind = new("node.non_loopback_bind", ErrorScope.Local, false,
        "The local API listens on loopback only (127.0.0.1); another address was asked for.");

    public static readonly KithError NotServedYet = new("node.not_served_yet", ErrorScope.Local, false,
        "This node version does not do that yet: messaging arrives with the engine.");

    public static readonly KithError NoMessenger = new("node.no_messenger", ErrorScope.Local, true,
        "The node is not connected to the delivery engine.");

    public static readonly KithError BadId = new("node.bad_id", ErrorScope.Input, false,
        "A conversation or message id must be 64 hex digits.");

    public static readonly KithError BadRequest = new("node.bad_request", ErrorScope.Input, false,
        "The request's body is not what this endpoint takes.");

    public static readonly KithError UnknownDevice = new("node.unknown_device", ErrorScope.Input, false,
        "No device of this account has that id; give the full id or at least 8 of its first hex digits (see kith devices).");

    public static readonly KithError AmbiguousDevice = new("node.ambiguous_device", ErrorScope.Input, false,
        "Several devices of this account start with those digits; give more of the id.");

    public static readonly KithError AlreadyRevoked = new("node.already_revoked", ErrorScope.Input, false,
        "That device is already revoked.");
}
