using System.Buffers.Binary;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Conversations;

/// <summary>Writing and reading of <see cref="ConversationEvent"/>'s canonical encoding.</summary>
internal static class ConversationEventCodec
{
    /// <summary>Length of the encoding up to (not including) the signature.</summary>
    internal static int UnsignedLength(int parentCount, int ciphertextLength) =>
        ConversationEvent.HeadSize + (parentCount * Id32.Size) + ConversationEvent.MiddleSize + ciphertextLength;

    /// <summary>
    /// Writes the encoding up to the signature into exactly <see cref="UnsignedLength"/> bytes of
    /// <paramref name="destination"/>. Spans and fixed offsets rather than a growing writer: every event is
    /// written through here once, on the author's hot path, and its length is known before the first byte.
    /// </summary>
    internal static void WriteUnsigned(Span<byte> destination, ConversationId conversation, DeviceId author,
        EventId[] sortedParents, long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex,
        ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> ciphertext)
    {
        destination[0] = ConversationEvent.Version;
        conversation.Span.CopyTo(destination[1..]);
        author.Span.CopyTo(destination[(1 + Id32.Size)..]);
        destination[1 + (2 * Id32.Size)] = (byte)sortedParents.Length;
        int at = ConversationEvent.HeadSize;
        foreach (EventId parent in sortedParents)
        {
            parent.Span.CopyTo(destination[at..]);
            at += Id32.Size;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination[at..], (ulong)timestampUnixMs);
        at += 8;
        chainId.CopyTo(destination[at..]);
        at += ConversationEvent.ChainIdSize;
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], chainIndex);
        at += 4;
        signingKey.CopyTo(destination[at..]);
        at += ConversationEvent.SigningKeySize;
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], (uint)ciphertext.Length);
        at += 4;
        ciphertext.CopyTo(destination[at..]);
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
            || !reader.TryReadSpan(ConversationEvent.ChainIdSize, out _)
            || !reader.TryReadUInt32(out uint chainIndex)
            || !reader.TryReadSpan(ConversationEvent.SigningKeySize, out _)
            || !reader.TryReadPrefixed32(Limits.MaxEventCiphertext, out _)
            || !reader.TryReadSpan(ConversationEvent.SignatureSize, out _))
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

        // Every field has now been checked as the constructor would check it, and the layout has exactly one
        // encoding per event, so the bytes read are the event's encoding: kept as they are, not written again.
        return ConversationEvent.FromCheckedEncoding(bytes.ToArray(), start: 0, parents, ConversationId.FromBytes(conversation),
            DeviceId.FromBytes(author), (long)timestamp, chainIndex);
    }
}
