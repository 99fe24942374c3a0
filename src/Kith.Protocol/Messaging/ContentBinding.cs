using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Messaging;

/// <summary>
/// How sealed content is bound to its event: the AEAD associated data is the event header the author fixes
/// before sealing (conversation, author, timestamp, parents), so a member holding the chain key cannot move the
/// ciphertext into another event's context; the chain id and index are bound by <see cref="SenderKeyKdf"/> itself.
/// </summary>
internal static class ContentBinding
{
    private static ReadOnlySpan<byte> Label => "Kith content v1\0"u8;

    public static byte[] AssociatedData(ConversationId conversation, DeviceId author, long timestampUnixMs, IEnumerable<EventId> parents)
    {
        EventId[] sorted = [.. parents.Order()];
        var writer = new WireWriter(Label.Length + 32 + 32 + 8 + 1 + sorted.Length * EventId.Size).Bytes(Label)
            .Bytes(conversation.Span).Bytes(author.Span).U64((ulong)timestampUnixMs).Byte((byte)sorted.Length);
        foreach (EventId parent in sorted)
        {
            writer.Bytes(parent.Span);
        }

        return writer.ToArray();
    }

    public static byte[] AssociatedData(ConversationEvent e) => AssociatedData(e.Conversation, e.Author, e.TimestampUnixMs, e.Parents);

    /// <summary>
    /// Signs an event with the chain's key (the seed never leaves <see cref="SenderChain"/>), written once and signed in
    /// its own buffer by <see cref="ConversationEvent.Create"/>.
    /// </summary>
    public static ConversationEvent Sign(SenderChain chain, DeviceId author, IReadOnlyList<EventId> parents, long timestampUnixMs,
        uint chainIndex, ReadOnlySpan<byte> payload) =>
        ConversationEvent.Create(chain.Conversation, author, parents, timestampUnixMs, chain.ChainId, chainIndex,
            chain.SigningPublicKey, payload, chain.Sign);
}
