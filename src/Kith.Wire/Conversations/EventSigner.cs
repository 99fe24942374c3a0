namespace Kith.Wire.Conversations;

/// <summary>
/// Writes the author's Ed25519 signature of <paramref name="signedContent"/> (<see cref="ConversationEvent.SignatureContext"/>
/// and the event's encoding up to the signature) into the 64 bytes of <paramref name="signature"/>. The signing key
/// stays with the caller (a sender chain never hands its seed out); <see cref="ConversationEvent.Create"/> only
/// lends it the two spans of the event's own buffer.
/// </summary>
/// <param name="signedContent">The bytes to sign.</param>
/// <param name="signature">Where the signature goes: the last 64 bytes of the event's encoding.</param>
public delegate void EventSigner(ReadOnlySpan<byte> signedContent, Span<byte> signature);
