using Kith.Primitives.Errors;

namespace Kith.Engine.Messaging;

/// <summary>Why the messenger refused a delivered item or a request.</summary>
public static class MessengerErrors
{
    /// <summary>A delivered item of a kind this messenger does not send.</summary>
    public static readonly KithError UnknownItemKind = new("messenger.unknown_item_kind", ErrorScope.Peer, false,
        "The delivered item is of an unknown kind.");

    /// <summary>A delivered event's conversation is not one this device is a member of.</summary>
    public static readonly KithError UnknownConversation = new("messenger.unknown_conversation", ErrorScope.Peer, false,
        "The event belongs to a conversation this device is not a member of.");

    /// <summary>The delivering device is not a member of the event's conversation, so it may not relay it.</summary>
    public static readonly KithError NotAMemberRelay = new("messenger.not_member_relay", ErrorScope.Peer, false,
        "The delivering device is not a member of the event's conversation.");

    /// <summary>The contact is unknown (no account log), so there is no conversation with it.</summary>
    public static readonly KithError UnknownContact = new("messenger.unknown_contact", ErrorScope.Local, false,
        "There is no conversation with this contact.");
}
