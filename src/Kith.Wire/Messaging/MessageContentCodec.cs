using System.Text;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Messaging;

/// <summary>
/// Encodes <see cref="MessageContent"/> and pads it to a multiple of <see cref="Limits.MessagePaddingBucket"/>
/// bytes (Signal pads message bodies to 160-byte multiples with a 0x80 marker and zeros, ISO/IEC 7816-4 style),
/// so the sealed length tells a relay only the bucket.
/// </summary>
/// <remarks>
/// Encoding before padding (version 1, big-endian): <c>version (1) ‖ kind (1) ‖ body</c>, where the body is
/// <c>length (u32) ‖ UTF-8</c> (text), <c>conversation (32) ‖ count (u16) ‖ ids (32 each, strictly ascending)</c>
/// (delete messages), <c>conversation (32)</c> (delete conversation) or <c>conversation (32) ‖ event (32)</c>
/// (read up to). Then <c>0x80 ‖ 0x00*</c> up to the bucket.
/// </remarks>
public static class MessageContentCodec
{
    /// <summary>Current content version.</summary>
    public const byte Version = 1;

    private const byte PaddingMarker = 0x80;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes and pads <paramref name="content"/>.</summary>
    /// <exception cref="ArgumentException">The content is beyond its limits (a caller bug).</exception>
    public static byte[] EncodePadded(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var writer = new WireWriter(Limits.MessagePaddingBucket).Byte(Version).Byte((byte)content.Kind);
        switch (content)
        {
            case TextContent text:
                writer.Prefixed32(StrictUtf8.GetBytes(text.Text));
                break;
            case DeleteMessagesContent delete:
                EventId[] ids = [.. delete.Ids.Distinct().Order()];
                if (ids.Length > Limits.MaxDeletedIdsPerMessage)
                {
                    throw new ArgumentException("Too many ids for one DeleteMessages content.", nameof(content));
                }

                writer.Bytes(delete.Conversation.Span).U16((ushort)ids.Length);
                foreach (EventId id in ids)
                {
                    writer.Bytes(id.Span);
                }

                break;
            case DeleteConversationContent clear:
                writer.Bytes(clear.Conversation.Span).U64(checked((ulong)clear.ClearedUpToUnixMs));
                break;
            case ReadUpToContent read:
                writer.Bytes(read.Conversation.Span).Bytes(read.UpTo.Span);
                break;
            default:
                throw new ArgumentException("Unknown content type.", nameof(content));
        }

        if (writer.Length > Limits.MaxMessageContentSize)
        {
            throw new ArgumentException("The content is larger than Limits.MaxMessageContentSize.", nameof(content));
        }

        int padded = checked((writer.Length / Limits.MessagePaddingBucket + 1) * Limits.MessagePaddingBucket);
        writer.Byte(PaddingMarker).Bytes(new byte[padded - writer.Length]);
        return writer.ToArray();
    }

    /// <summary>Removes the padding and decodes untrusted plaintext; never throws.</summary>
    public static Result<MessageContent> DecodePadded(ReadOnlySpan<byte> padded)
    {
        if (padded.Length == 0 || padded.Length % Limits.MessagePaddingBucket != 0 || padded.Length > Limits.SenderKeyMaxPlaintextSize)
        {
            return WireErrors.Malformed;
        }

        int marker = padded.LastIndexOfAnyExcept((byte)0);
        return marker < 0 || padded[marker] != PaddingMarker ? WireErrors.Malformed : Decode(padded[..marker]);
    }

    private static Result<MessageContent> Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new WireReader(encoded);
        if (!reader.TryReadByte(out byte version) || !reader.TryReadByte(out byte kind))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        MessageContent? content = (MessageContentKind)kind switch
        {
            MessageContentKind.Text => ReadText(ref reader),
            MessageContentKind.DeleteMessages => ReadDeleteMessages(ref reader),
            MessageContentKind.DeleteConversation => ReadDeleteConversation(ref reader),
            MessageContentKind.ReadUpTo => reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> c2) && reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> e)
                ? new ReadUpToContent(ConversationId.FromBytes(c2), EventId.FromBytes(e)) : null,
            _ => null,
        };

        if (content is null)
        {
            return reader.Error ?? WireErrors.Malformed;
        }

        return reader.TryFinish(out KithError? error) ? content : error!;
    }

    private static DeleteConversationContent? ReadDeleteConversation(ref WireReader reader)
    {
        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> conversation) || !reader.TryReadUInt64(out ulong upTo))
        {
            return null;
        }

        // A time is a non-negative long everywhere else (ConversationEvent); more is malformed, not a wrap.
        return upTo <= long.MaxValue ? new DeleteConversationContent(ConversationId.FromBytes(conversation), (long)upTo) : null;
    }

    private static TextContent? ReadText(ref WireReader reader)
    {
        if (!reader.TryReadPrefixed32(Limits.MaxMessageContentSize, out ReadOnlySpan<byte> utf8))
        {
            return null;
        }

        try
        {
            return new TextContent(StrictUtf8.GetString(utf8));
        }
        catch (DecoderFallbackException)
        {
            reader.Fail(WireErrors.Malformed);
            return null;
        }
    }

    private static DeleteMessagesContent? ReadDeleteMessages(ref WireReader reader)
    {
        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> conversation) || !reader.TryReadUInt16(out ushort count))
        {
            return null;
        }

        if (count > Limits.MaxDeletedIdsPerMessage)
        {
            reader.Fail(WireErrors.Oversized);
            return null;
        }

        var ids = new EventId[count];
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> id))
            {
                return null;
            }

            ids[i] = EventId.FromBytes(id);
            if (i > 0 && ids[i - 1].CompareTo(ids[i]) >= 0)
            {
                reader.Fail(WireErrors.Malformed);
                return null;
            }
        }

        return new DeleteMessagesContent(ConversationId.FromBytes(conversation), ids);
    }
}
