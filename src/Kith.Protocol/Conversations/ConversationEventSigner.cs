using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>Makes a signed <see cref="ConversationEvent"/> from its fields and the sender chain's signing seed.</summary>
public static class ConversationEventSigner
{
    /// <summary>
    /// Signs the event's fields with <paramref name="signingSeed"/> (the chain's Ed25519 seed) and returns
    /// the finished event, carrying the seed's public key. Throws on field values no valid event has.
    /// </summary>
    public static ConversationEvent Sign(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> signingSeed)
    {
        ArgumentNullException.ThrowIfNull(parents);
        EventId[] parentList = [.. parents];
        Span<byte> signingKey = stackalloc byte[Ed25519.PublicKeySize];
        Ed25519.DerivePublicKey(signingSeed, signingKey);
        byte[] content = ConversationEvent.SignedContentFor(conversation, author, parentList, timestampUnixMs, chainId,
            chainIndex, signingKey, ciphertext);
        Span<byte> signature = stackalloc byte[Ed25519.SignatureSize];
        Ed25519.Sign(signingSeed, content, signature);
        return new ConversationEvent(conversation, author, parentList, timestampUnixMs, chainId, chainIndex,
            signingKey, ciphertext, signature);
    }
}
