using Kith.Primitives.Errors;

namespace Kith.Protocol.Conversations;

/// <summary>Why a conversation event is refused. Each rejection changes no state of the log.</summary>
public static class ConversationErrors
{
    /// <summary>The event names another conversation than this log's.</summary>
    public static readonly KithError WrongConversation = KithError.Reject("conversation.wrong_conversation",
        "The event belongs to another conversation.");

    /// <summary>The Ed25519 signature does not verify under the key the event carries.</summary>
    public static readonly KithError BadSignature = new("conversation.bad_signature", ErrorScope.Peer, false,
        "The event's signature does not verify.");

    /// <summary>The author is not a member device of the conversation at the event's timestamp.</summary>
    public static readonly KithError NotMember = new("conversation.not_member", ErrorScope.Peer, false,
        "The event's author is not a member device of the conversation at the event's timestamp.");

    /// <summary>The timestamp is earlier than a parent's (Briar's rule: time never goes back along a parent edge).</summary>
    public static readonly KithError BackDated = new("conversation.back_dated", ErrorScope.Peer, false,
        "The event's timestamp is earlier than one of its parents'.");

    /// <summary>The timestamp lies further in the future than the allowed clock skew.</summary>
    public static readonly KithError FromTheFuture = new("conversation.future_timestamp", ErrorScope.Peer, true,
        "The event's timestamp is too far in the future; it may be accepted once the local clock catches up.");

    /// <summary>The event lies beyond the pending set's capacity even when it is empty.</summary>
    public static readonly KithError PendingFull = new("conversation.pending_full", ErrorScope.Local, true,
        "The set of events waiting for their parents is full; fetch the missing parents first.");

    /// <summary>A pending event was dropped because one of its ancestors was rejected.</summary>
    public static readonly KithError ParentRejected = new("conversation.parent_rejected", ErrorScope.Peer, false,
        "An ancestor of the event was rejected, so the event can never be accepted.");
}
