using System.Buffers.Binary;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Simulation.World;

/// <summary>
/// The associated data a simulated device binds its sender-chain ciphertext to: conversation id ‖ author ‖
/// timestamp (u64 big-endian). The signature covers the whole event anyway; this only ties the ciphertext to
/// its header, as SenderChain.Encrypt's "caller's AD (the event header)" asks. The full conversation replica
/// defines the real header; the checker uses this one to decrypt what the simulated devices wrote.
/// </summary>
internal static class EventContent
{
    public static byte[] AssociatedData(ConversationId conversation, DeviceId author, long timestampUnixMs)
    {
        byte[] ad = new byte[ConversationId.Size + DeviceId.Size + sizeof(long)];
        conversation.Span.CopyTo(ad);
        author.Span.CopyTo(ad.AsSpan(ConversationId.Size));
        BinaryPrimitives.WriteInt64BigEndian(ad.AsSpan(ConversationId.Size + DeviceId.Size), timestampUnixMs);
        return ad;
    }

    public static byte[] AssociatedData(ConversationEvent e) => AssociatedData(e.Conversation, e.Author, e.TimestampUnixMs);
}
