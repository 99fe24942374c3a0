using Kith.Primitives.Errors;

namespace Kith.Protocol.Messaging;

/// <summary>Why a conversation event cannot be read or a message cannot be sent. None of them changes any state.</summary>
public static class MessagingErrors
{
    /// <summary>
    /// The event names a chain whose announcement, received pairwise from its author, carries another signing key:
    /// a member signed with its own key under someone else's chain. Never shown.
    /// </summary>
    public static readonly KithError ForgedChain = new("messaging.forged_chain", ErrorScope.Peer, false,
        "The event's signing key is not the one its author announced for the chain.");

    /// <summary>An announcement's distribution does not match the event that carries it (chain id, conversation or key).</summary>
    public static readonly KithError MismatchedAnnouncement = new("messaging.mismatched_announcement", ErrorScope.Peer, false,
        "The announced chain does not match the announcing event.");

    /// <summary>A pairwise part claims to be set up by another device than the event's author.</summary>
    public static readonly KithError WrongPartAuthor = new("messaging.wrong_part_author", ErrorScope.Peer, false,
        "The announcement part was set up by a different device than the event's author.");

    /// <summary>No session with the device exists and its prekeys are unknown, so no chain can be handed to it.</summary>
    public static readonly KithError NoPrekeys = new("messaging.no_prekeys", ErrorScope.Local, true,
        "There is no session with the device and no prekeys to start one.");

    /// <summary>This device is not a member of the conversation, so it cannot write.</summary>
    public static readonly KithError NotMember = new("messaging.not_member", ErrorScope.Local, false,
        "This device is not a member of the conversation.");

    /// <summary>A history transfer came from a device that is not one of this account's own devices.</summary>
    public static readonly KithError NotOwnDevice = new("messaging.not_own_device", ErrorScope.Peer, false,
        "History is accepted only from this account's own devices.");

    /// <summary>A history batch failed authentication under the key sealed with it.</summary>
    public static readonly KithError BadHistory = KithError.Reject("messaging.bad_history", "The history batch failed authentication.");

    /// <summary>A pairwise session start this device already accepted was offered again (a replayed initial message).</summary>
    public static readonly KithError ReplayedSessionStart = new("messaging.replayed_session_start", ErrorScope.Peer, false,
        "The session start was already accepted; a replay cannot replace the session.");
}
