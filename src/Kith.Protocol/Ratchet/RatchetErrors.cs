using Kith.Primitives.Errors;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// The ways a Double Ratchet step can reject its input. Every message error rejects that one message
/// (<see cref="ErrorScope.Input"/>) and leaves the session exactly as it was: §3.5 says that when
/// decryption raises an exception, the message and all changes to the state are discarded; Kith never
/// makes the changes in the first place.
/// </summary>
public static class RatchetErrors
{
    /// <summary>No stored, current or next header key opens the header: a forgery, a message of another session, or one whose keys are gone.</summary>
    public static readonly KithError UndecryptableHeader = KithError.Reject("ratchet.undecryptable_header", "No header key of the session opens the message header.");

    /// <summary>The header opened but its content contradicts the session (a changed ratchet key within a chain, a counter out of range).</summary>
    public static readonly KithError BadHeader = KithError.Reject("ratchet.bad_header", "The message header is inconsistent with the session.");

    /// <summary>The body failed authentication under its message key.</summary>
    public static readonly KithError BadMessage = KithError.Reject("ratchet.bad_message", "The message body failed authentication.");

    /// <summary>The message was already decrypted (a replay) or its key was deleted; forward secrecy means it can never be read again.</summary>
    public static readonly KithError DuplicateMessage = KithError.Reject("ratchet.duplicate_message", "The message was already received or its key was deleted.");

    /// <summary>Reading the message would skip more than <see cref="Kith.Primitives.Limits.RatchetMaxSkip"/> message keys in one chain.</summary>
    public static readonly KithError TooManySkipped = KithError.Reject("ratchet.too_many_skipped", "The message would skip more message keys than the limit allows.");

    /// <summary>The peer's new ratchet public key is a low-order point (RFC 7748 §6.1).</summary>
    public static readonly KithError BadRatchetKey = KithError.Reject("ratchet.bad_ratchet_key", "The peer's ratchet public key is not acceptable.");

    /// <summary>The peer started a second DH ratchet step before seeing this session's new ratchet key, which an honest peer cannot do.</summary>
    public static readonly KithError UnexpectedRatchetStep = KithError.Reject("ratchet.unexpected_ratchet_step", "The peer started a ratchet step it cannot have started.");

    /// <summary>A stored session uses a format version this build does not know.</summary>
    public static readonly KithError UnknownStateVersion = new("ratchet.unknown_state_version", ErrorScope.Local, false, "The stored ratchet session uses an unknown format version.");

    /// <summary>A stored session is malformed or violates the ratchet's invariants.</summary>
    public static readonly KithError BadState = new("ratchet.bad_state", ErrorScope.Local, false, "The stored ratchet session is malformed.");
}
