using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>
/// The errors of the Noise layer. A failure while processing a handshake message aborts the handshake
/// (Noise rev. 34 §5.3: "any error ... the handshake has failed"), so those carry
/// <see cref="ErrorScope.Session"/>; a rejected transport message changes no state and carries
/// <see cref="ErrorScope.Input"/>. Texts are fixed sentences: no peer bytes, no keys.
/// </summary>
public static class NoiseErrors
{
    /// <summary>Code: a message is shorter than its pattern requires, or shorter than an AEAD tag.</summary>
    public const string TruncatedCode = "noise.truncated";

    /// <summary>Code: a message or payload exceeds <see cref="Primitives.Limits.NoiseMaxMessageLength"/> (§3).</summary>
    public const string OversizedCode = "noise.oversized";

    /// <summary>Code: ChaChaPoly authentication failed (tampered, truncated, wrong key, wrong prologue, replayed).</summary>
    public const string BadTagCode = "noise.bad_tag";

    /// <summary>Code: a Diffie-Hellman output was all zeros, i.e. the peer sent a low-order point (§12.1, RFC 7748 §6.1).</summary>
    public const string LowOrderPointCode = "noise.low_order_point";

    /// <summary>Code: the cipher's nonce reached 2^64−1, which §5.1 reserves; the session must be re-established.</summary>
    public const string NonceExhaustedCode = "noise.nonce_exhausted";

    /// <summary>Code: the call does not fit the handshake's position (out of turn, already complete, or send-only/receive-only).</summary>
    public const string WrongStateCode = "noise.wrong_state";

    /// <summary>Code: an earlier step of this handshake failed, so it refuses all further use (§5.3).</summary>
    public const string AbortedCode = "noise.aborted";

    internal static KithError Truncated(ErrorScope scope) =>
        new(TruncatedCode, scope, false, "Noise message is shorter than its pattern requires.");

    internal static KithError Oversized(ErrorScope scope) =>
        new(OversizedCode, scope, false, "Noise message would exceed 65535 bytes.");

    internal static KithError BadTag(ErrorScope scope) =>
        new(BadTagCode, scope, false, "Noise message failed authentication.");

    internal static KithError LowOrderPoint() =>
        new(LowOrderPointCode, ErrorScope.Session, false, "Noise peer sent a low-order X25519 public key.");

    internal static KithError NonceExhausted() =>
        new(NonceExhaustedCode, ErrorScope.Session, false, "Noise cipher nonce is exhausted; re-establish the session.");

    internal static KithError WrongState(string detail) =>
        new(WrongStateCode, ErrorScope.Session, false, detail);

    internal static KithError Aborted() =>
        new(AbortedCode, ErrorScope.Session, false, "Noise handshake already failed and cannot be used again.");
}
