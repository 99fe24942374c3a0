namespace Kith.Protocol.SenderKeys;

/// <summary>
/// One message encrypted with a sender chain (Signal's <c>SenderKeyMessage</c> without its framing: the event
/// carries the chain id, the index and the ciphertext in its own fields).
/// </summary>
/// <param name="Index">The chain index whose message key sealed the ciphertext (Signal's iteration).</param>
/// <param name="Ciphertext">ChaCha20-Poly1305 ciphertext and tag.</param>
public sealed record SenderKeyMessage(uint Index, byte[] Ciphertext);
