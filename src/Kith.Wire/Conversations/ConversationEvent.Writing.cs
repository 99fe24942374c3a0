using Kith.Primitives.Ids;

namespace Kith.Wire.Conversations;

/// <summary>How an author writes a new event: the encoding is written once and signed where it lies.</summary>
public sealed partial class ConversationEvent
{
    /// <summary>
    /// Writes and signs a new event in one pass: sorts and checks the fields once, writes
    /// <see cref="SignatureContext"/> and the unsigned encoding into the one array the event keeps, has
    /// <paramref name="signer"/> sign that span and write the signature after it, then hashes the id. The result is
    /// byte for byte the event the constructor makes from the same fields and <see cref="SignedContentFor"/>'s
    /// signature, without the second sort, check and encoding, the separate signed-content array and the copies.
    /// Throws on values no valid event has (a caller bug).
    /// </summary>
    /// <param name="conversation">The conversation this event belongs to.</param>
    /// <param name="author">The device that writes it.</param>
    /// <param name="parents">The author's current heads, at most <see cref="Primitives.Limits.MaxEventParents"/>, no duplicates; any order.</param>
    /// <param name="timestampUnixMs">The author's clock when writing, unix milliseconds, not negative.</param>
    /// <param name="chainId">The author's sender chain (32 bytes).</param>
    /// <param name="chainIndex">Index of the message key within the chain.</param>
    /// <param name="signingKey">The chain's Ed25519 public key, the one <paramref name="signer"/> signs with.</param>
    /// <param name="ciphertext">The encrypted content, at most <see cref="Primitives.Limits.MaxEventCiphertext"/> bytes.</param>
    /// <param name="signer">Signs with the private half of <paramref name="signingKey"/>.</param>
    public static ConversationEvent Create(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> signingKey,
        ReadOnlySpan<byte> ciphertext, EventSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        EventId[] sorted = SortedParents(parents);
        CheckFields(sorted, timestampUnixMs, chainId, signingKey, ciphertext);
        int signedLength = SignatureContext.Length + ConversationEventCodec.UnsignedLength(sorted.Length, ciphertext.Length);
        byte[] buffer = new byte[signedLength + SignatureSize];
        SignatureContext.CopyTo(buffer);
        ConversationEventCodec.WriteUnsigned(buffer.AsSpan(SignatureContext.Length), conversation, author, sorted,
            timestampUnixMs, chainId, chainIndex, signingKey, ciphertext);
        signer(buffer.AsSpan(0, signedLength), buffer.AsSpan(signedLength));
        return new ConversationEvent(buffer, SignatureContext.Length, sorted, conversation, author, timestampUnixMs, chainIndex);
    }

    /// <summary>
    /// The bytes an author signs for an event with these fields (the same as <see cref="SignedContent"/> of
    /// the finished event); throws on values no valid event has. <see cref="Create"/> signs the same bytes without
    /// this separate copy.
    /// </summary>
    public static byte[] SignedContentFor(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> signingKey,
        ReadOnlySpan<byte> ciphertext)
    {
        EventId[] sorted = SortedParents(parents);
        CheckFields(sorted, timestampUnixMs, chainId, signingKey, ciphertext);
        byte[] content = new byte[SignatureContext.Length + ConversationEventCodec.UnsignedLength(sorted.Length, ciphertext.Length)];
        SignatureContext.CopyTo(content);
        ConversationEventCodec.WriteUnsigned(content.AsSpan(SignatureContext.Length), conversation, author, sorted,
            timestampUnixMs, chainId, chainIndex, signingKey, ciphertext);
        return content;
    }

    /// <summary>An event over <paramref name="buffer"/>[<paramref name="start"/>..], which the decoder has checked field by field.</summary>
    internal static ConversationEvent FromCheckedEncoding(byte[] buffer, int start, EventId[] sortedParents,
        ConversationId conversation, DeviceId author, long timestampUnixMs, uint chainIndex) =>
        new(buffer, start, sortedParents, conversation, author, timestampUnixMs, chainIndex);
}
