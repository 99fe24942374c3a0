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
    /// <remarks>
    /// The seed is expanded once and its public key is the one signed with: deriving the key and then signing from
    /// the seed expanded it twice (a fixed-base scalar multiplication each, as costly as the signature).
    /// </remarks>
    public static ConversationEvent Sign(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> signingSeed)
    {
        using Ed25519ExpandedKey key = Ed25519ExpandedKey.FromSeed(signingSeed);
        return ConversationEvent.Create(conversation, author, parents, timestampUnixMs, chainId, chainIndex, key.PublicKey,
            ciphertext, key.Sign);
    }
}
