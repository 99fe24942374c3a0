using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>Reading of <see cref="SyncMessage"/> encodings from untrusted bytes.</summary>
internal static partial class SyncMessageCodec
{
    internal static Result<SyncMessage> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = WireReader.Bounded(bytes, Limits.MaxSyncMessageBytes);
        if (!reader.TryReadVersion(SyncMessage.Version))
        {
            return reader.Error!;
        }

        if (!reader.TryReadByte(out byte kind)
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> conversationBytes)
            || !reader.TryReadUInt16(out ushort count))
        {
            return reader.Error!;
        }

        var conversation = ConversationId.FromBytes(conversationBytes);
        Result<SyncMessage> message = (SyncMessageKind)kind switch
        {
            SyncMessageKind.Heads or SyncMessageKind.Want => ReadIds(ref reader, (SyncMessageKind)kind, conversation, count),
            SyncMessageKind.Events => ReadEvents(ref reader, conversation, count),
            SyncMessageKind.Ranges => ReadRanges(ref reader, conversation, count),
            _ => WireErrors.Malformed,
        };

        if (!message.IsOk)
        {
            return message;
        }

        return reader.TryFinish(out KithError? error) ? message : error!;
    }

    private static Result<SyncMessage> ReadIds(ref WireReader reader, SyncMessageKind kind, ConversationId conversation, int count)
    {
        if (count > Limits.MaxSyncIdsPerMessage)
        {
            return WireErrors.Oversized;
        }

        var ids = new EventId[count];
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> id))
            {
                return reader.Error!;
            }

            ids[i] = EventId.FromBytes(id);
        }

        if (kind == SyncMessageKind.Want)
        {
            return new SyncWant(conversation, ids);
        }

        return reader.TryReadUInt32(out uint held) ? new SyncHeads(conversation, ids, held) : reader.Error!;
    }

    private static Result<SyncMessage> ReadEvents(ref WireReader reader, ConversationId conversation, int count)
    {
        if (count > Limits.MaxSyncEventsPerBatch)
        {
            return WireErrors.Oversized;
        }

        var events = new byte[count][];
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadPrefixed32(Limits.MaxSyncBatchBytes, out ReadOnlySpan<byte> encoding))
            {
                return reader.Error!;
            }

            total += encoding.Length;
            if (total > Limits.MaxSyncBatchBytes)
            {
                return WireErrors.Oversized;
            }

            events[i] = encoding.ToArray();
        }

        return new SyncEvents(conversation, events);
    }
}
