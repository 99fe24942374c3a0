using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>
/// One message of the conversation sync protocol between two replicas (the heads/want/events exchange of
/// Matrix's backfill and Briar's sync, adapted to Kith's event DAG).
/// </summary>
/// <remarks>
/// Encoding (version 2, big-endian): <c>version(1) | kind(1) | conversation(32) | count(2) | items</c>.
/// For <see cref="SyncMessageKind.Heads"/> and <see cref="SyncMessageKind.Want"/> the items are event ids
/// (32 bytes each, at most <see cref="Limits.MaxSyncIdsPerMessage"/>), and Heads ends with the sender's
/// event count (4 bytes; version 2 added it); for <see cref="SyncMessageKind.Ranges"/> each item is
/// <c>lower(40) | upper(40) | mode(1) | fingerprint(16) count(4)</c> or <c>... | n(2) | ids(32 n)</c>,
/// at most <see cref="Limits.MaxSyncRangesPerMessage"/>, ascending and disjoint; for
/// <see cref="SyncMessageKind.Events"/> each item is <c>length(4) | event encoding</c>, at most
/// <see cref="Limits.MaxSyncEventsPerBatch"/> items and <see cref="Limits.MaxSyncBatchBytes"/> bytes of
/// encodings. Event encodings are carried opaque: the receiving log decodes and checks each one.
/// </remarks>
public abstract class SyncMessage
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 2;

    /// <summary>Bytes before the items: version, kind, conversation, count.</summary>
    public const int HeaderSize = 1 + 1 + Id32.Size + 2;

    private protected SyncMessage(ConversationId conversation) => Conversation = conversation;

    /// <summary>The conversation both replicas sync.</summary>
    public ConversationId Conversation { get; }

    /// <summary>Which message this is.</summary>
    public abstract SyncMessageKind Kind { get; }

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new WireWriter(HeaderSize + BodySize);
        writer.Byte(Version).Byte((byte)Kind).Bytes(Conversation.Span);
        WriteBody(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes untrusted bytes; never throws.</summary>
    public static Result<SyncMessage> Decode(ReadOnlySpan<byte> bytes) => SyncMessageCodec.Decode(bytes);

    private protected abstract int BodySize { get; }

    private protected abstract void WriteBody(WireWriter writer);
}
