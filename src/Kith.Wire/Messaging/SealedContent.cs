namespace Kith.Wire.Messaging;

/// <summary>
/// Message content sealed with the author's sender chain: the ChaCha20-Poly1305 ciphertext of a padded
/// <see cref="MessageContent"/> encoding. The chain id and index travel in the event's own fields.
/// </summary>
/// <remarks>Encoding: <c>kind (1) = Content ‖ ciphertext</c>.</remarks>
/// <param name="Ciphertext">The sealed content and its tag.</param>
public sealed record SealedContent(byte[] Ciphertext) : EventPayload
{
    /// <inheritdoc/>
    public override EventPayloadKind Kind => EventPayloadKind.Content;

    /// <inheritdoc/>
    public override byte[] ToBytes() => [(byte)EventPayloadKind.Content, .. Ciphertext];

    /// <summary>Prints the length only.</summary>
    public override string ToString() => $"SealedContent({Ciphertext.Length} bytes)";
}
