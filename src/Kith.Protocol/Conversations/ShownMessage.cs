using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>
/// One message as a device shows it: the decrypted content of an accepted event and its place in the display order.
/// </summary>
/// <param name="Id">The event.</param>
/// <param name="Author">The device that wrote it.</param>
/// <param name="TimestampUnixMs">The author's clock when writing.</param>
/// <param name="Position">Its index in <see cref="ConversationLog.Order"/>.</param>
/// <param name="Content">The decrypted content encoding (opaque to the store).</param>
public sealed record ShownMessage(EventId Id, DeviceId Author, long TimestampUnixMs, long Position, ReadOnlyMemory<byte> Content)
{
    /// <summary>Names the event and position, never the content.</summary>
    public override string ToString() => $"ShownMessage({Id}, position {Position})";
}
