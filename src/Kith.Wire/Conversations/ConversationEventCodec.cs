using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Conversations;

/// <summary>Writing and reading of <see cref="ConversationEvent"/>'s canonical encoding.</summary>
internal static class ConversationEventCodec
{
    internal static void WriteUnsigned(WireWriter writer, ConversationId conversation, DeviceId author,
        EventId[] sortedParents, long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex,
        ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> ciphertext)
    {
        writer.Byte(ConversationEvent.Version).Bytes(conversation.Span).Bytes(author.Span).Byte((byte)sortedParents.Length);
        foreach (EventId parent in sortedParents)
        {
            writer.Bytes(parent.Span);
        }

        writer.U64((ulong)timestampUnixMs).Bytes(chainId).U32(chainIndex).Bytes(signingKey).Prefixed32(ciphertext);
    }

    internal static Result<ConversationEvent> Decode(ReadOnlySpan<byte> bytes)
    {
        // Refused unread: no valid event is larger, and this bounds the work done on hostile input.
        if (bytes.Length > ConversationEvent.MaxEncodedSize)
        {
            return WireErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version))
        {
            return reader.Error!;
        }

        if (version != ConversationEvent.Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> conversation)
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> author)
            || !reader.TryReadByte(out byte parentCount))
        {
            return reader.Error!;
        }

        if (parentCount > Limits.MaxEventParents)
        {
            return WireErrors.Oversized;
        }

        var parents = new EventId[parentCount];
        for (int i = 0; i < parentCount; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> parent))
            {
                return reader.Error!;
            }

            parents[i] = EventId.FromBytes(parent);

            // Strictly ascending: one encoding (and so one id) per event, and no parent named twice.
            if (i > 0 && parents[i - 1] >= parents[i])
            {
                return WireErrors.Malformed;
            }
        }

        if (!reader.TryReadUInt64(out ulong timestamp)
            || !reader.TryReadSpan(ConversationEvent.ChainIdSize, out ReadOnlySpan<byte> chainId)
            || !reader.TryReadUInt32(out uint chainIndex)
            || !reader.TryReadSpan(ConversationEvent.SigningKeySize, out ReadOnlySpan<byte> signingKey)
            || !reader.TryReadPrefixed32(Limits.MaxEventCiphertext, out ReadOnlySpan<byte> ciphertext)
            || !reader.TryReadSpan(ConversationEvent.SignatureSize, out ReadOnlySpan<byte> signature))
        {
            return reader.Error!;
        }

        if (!reader.TryFinish(out KithError? error))
        {
            return error!;
        }

        if (timestamp > long.MaxValue)
        {
            return WireErrors.Malformed;
        }

        return new ConversationEvent(ConversationId.FromBytes(conversation), DeviceId.FromBytes(author), parents,
            (long)timestamp, chainId, chainIndex, signingKey, ciphertext, signature);
    }
}
