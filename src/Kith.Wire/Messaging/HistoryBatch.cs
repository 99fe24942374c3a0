using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Messaging;

/// <summary>One decrypted message as history carries it: the fields of the sender's message store.</summary>
/// <param name="Id">The event.</param>
/// <param name="Author">The device that wrote it.</param>
/// <param name="TimestampUnixMs">The author's clock when writing.</param>
/// <param name="Position">Its display position on the exporting device.</param>
/// <param name="Content">The padded content encoding (<see cref="MessageContentCodec"/>).</param>
public sealed record HistoryMessage(EventId Id, DeviceId Author, long TimestampUnixMs, long Position, byte[] Content)
{
    /// <summary>Names the event only, never the content.</summary>
    public override string ToString() => $"HistoryMessage({Id})";
}

/// <summary>
/// A page of one conversation's decrypted messages, sent by an own device to a newly linked one over their pairwise
/// session (issue 4: history comes from the decrypted store, not from old chain keys).
/// </summary>
/// <remarks>
/// Encoding (version 1, big-endian): <c>version (1) ‖ conversation (32) ‖ count (u16) ‖ per message: id (32) ‖
/// author (32) ‖ timestamp (u64) ‖ position (u64) ‖ content length (u32) ‖ content</c>; at most
/// <see cref="Limits.MaxHistoryBatchMessages"/> messages and <see cref="Limits.MaxHistoryBatchBytes"/> bytes.
/// </remarks>
/// <param name="Conversation">The conversation the messages belong to.</param>
/// <param name="Messages">The messages.</param>
public sealed record HistoryBatch(ConversationId Conversation, IReadOnlyList<HistoryMessage> Messages)
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Bytes a message adds besides its content.</summary>
    public const int PerMessageOverhead = 32 + 32 + 8 + 8 + 4;

    /// <summary>Bytes of the batch header.</summary>
    public const int HeaderSize = 1 + 32 + 2;

    /// <summary>Encodes the batch.</summary>
    /// <exception cref="ArgumentException">The batch is beyond its limits (a caller bug).</exception>
    public byte[] ToBytes()
    {
        int size = HeaderSize + Messages.Sum(m => PerMessageOverhead + m.Content.Length);
        if (Messages.Count > Limits.MaxHistoryBatchMessages || size > Limits.MaxHistoryBatchBytes
            || Messages.Any(m => m.Content.Length > Limits.SenderKeyMaxPlaintextSize || m.TimestampUnixMs < 0 || m.Position < 0))
        {
            throw new ArgumentException("The history batch is beyond its limits.");
        }

        var writer = new WireWriter(size).Byte(Version).Bytes(Conversation.Span).U16((ushort)Messages.Count);
        foreach (HistoryMessage m in Messages)
        {
            writer.Bytes(m.Id.Span).Bytes(m.Author.Span).U64((ulong)m.TimestampUnixMs).U64((ulong)m.Position).Prefixed32(m.Content);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes untrusted bytes (a decrypted transfer); never throws.</summary>
    public static Result<HistoryBatch> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxHistoryBatchBytes)
        {
            return WireErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || !reader.TryReadSpan(32, out ReadOnlySpan<byte> conversation)
            || !reader.TryReadUInt16(out ushort count))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (count > Limits.MaxHistoryBatchMessages)
        {
            return WireErrors.Oversized;
        }

        var messages = new List<HistoryMessage>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(32, out ReadOnlySpan<byte> id) || !reader.TryReadSpan(32, out ReadOnlySpan<byte> author)
                || !reader.TryReadUInt64(out ulong timestamp) || !reader.TryReadUInt64(out ulong position)
                || !reader.TryReadPrefixed32(Limits.SenderKeyMaxPlaintextSize, out ReadOnlySpan<byte> content))
            {
                return reader.Error!;
            }

            if (timestamp > long.MaxValue || position > long.MaxValue)
            {
                return WireErrors.Malformed;
            }

            messages.Add(new HistoryMessage(EventId.FromBytes(id), DeviceId.FromBytes(author), (long)timestamp, (long)position, content.ToArray()));
        }

        return reader.TryFinish(out KithError? error) ? new HistoryBatch(ConversationId.FromBytes(conversation), messages) : error!;
    }

    /// <summary>Names the conversation and count, never content.</summary>
    public override string ToString() => $"HistoryBatch({Conversation}, {Messages.Count} messages)";
}
