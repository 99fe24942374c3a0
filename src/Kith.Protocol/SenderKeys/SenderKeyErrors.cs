using Kith.Primitives.Errors;

namespace Kith.Protocol.SenderKeys;

/// <summary>
/// The ways a received sender-key message or a stored chain can be rejected. Every message error rejects that
/// one message (<see cref="ErrorScope.Input"/>) and leaves the chain exactly as it was.
/// </summary>
public static class SenderKeyErrors
{
    /// <summary>The ciphertext failed authentication under the message key of its index.</summary>
    public static readonly KithError BadMessage = KithError.Reject("sender_key.bad_message", "The message failed authentication.");

    /// <summary>The message's index was already read (a replay) or its key was deleted; forward secrecy means it can never be read again.</summary>
    public static readonly KithError DuplicateMessage = KithError.Reject("sender_key.duplicate_message", "The message was already received or its key was deleted.");

    /// <summary>The message's index lies before the chain state this device received, whose key cannot be derived backwards.</summary>
    public static readonly KithError BeforeChain = KithError.Reject("sender_key.before_chain", "The message precedes the chain state this device holds.");

    /// <summary>Reading the message would skip more than <see cref="Kith.Primitives.Limits.SenderKeyMaxSkip"/> message keys.</summary>
    public static readonly KithError TooManySkipped = KithError.Reject("sender_key.too_many_skipped", "The message would skip more message keys than the limit allows.");

    /// <summary>The plaintext or the associated data is larger than its limit.</summary>
    public static readonly KithError Oversized = KithError.Reject("sender_key.oversized", "The message or its associated data is larger than the limit.");

    /// <summary>A stored chain uses a format version this build does not know.</summary>
    public static readonly KithError UnknownStateVersion = new("sender_key.unknown_state_version", ErrorScope.Local, false, "The stored sender chain uses an unknown format version.");

    /// <summary>A stored chain is malformed or violates the chain's invariants.</summary>
    public static readonly KithError BadState = new("sender_key.bad_state", ErrorScope.Local, false, "The stored sender chain is malformed.");
}
