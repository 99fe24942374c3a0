using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Messaging;

/// <summary>
/// The writing half of <see cref="ConversationReplica.Send"/>: seals a message's padded content with the author's
/// sender chain, bound to the event header (<see cref="ContentBinding"/>), and signs the event that carries it as a
/// <see cref="SealedContent"/> payload. Public so that every writer of content events, the durable-send benchmark
/// included, runs this code and not a copy of it.
/// </summary>
public static class ContentSealer
{
    /// <summary>
    /// Seals <paramref name="paddedContent"/> (a <see cref="MessageContentCodec.EncodePadded"/> encoding) at the
    /// chain's current index, advances the chain, and returns the signed event. The caller stores the advanced chain
    /// state in the same transaction as the event.
    /// </summary>
    /// <param name="chain">The author's own chain for the event's conversation.</param>
    /// <param name="author">The writing device.</param>
    /// <param name="parents">The event's parents, the author's current heads.</param>
    /// <param name="timestampUnixMs">The event's timestamp.</param>
    /// <param name="paddedContent">The padded content encoding.</param>
    public static ConversationEvent Seal(SenderChain chain, DeviceId author, IReadOnlyList<EventId> parents, long timestampUnixMs,
        ReadOnlySpan<byte> paddedContent)
    {
        ArgumentNullException.ThrowIfNull(chain);
        SenderKeyMessage sealedContent = chain.Encrypt(paddedContent,
            ContentBinding.AssociatedData(chain.Conversation, author, timestampUnixMs, parents));
        return ContentBinding.Sign(chain, author, parents, timestampUnixMs, sealedContent.Index,
            new SealedContent(sealedContent.Ciphertext).ToBytes());
    }
}
