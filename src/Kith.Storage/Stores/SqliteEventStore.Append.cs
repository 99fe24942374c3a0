using System.Buffers.Binary;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Wire.Conversations;

namespace Kith.Storage.Stores;

// The append path, run once per stored event: a conversation's blind index and last position are found once per
// transaction (EventTail), and each row costs one keyed hash, one encryption and one native insert.
public sealed partial class SqliteEventStore
{
    /// <inheritdoc/>
    public void AppendMany(ConversationId conversation, IReadOnlyList<ConversationEvent> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        foreach (ConversationEvent e in accepted)
        {
            InMemoryEventStore.ThrowIfMisplaced(conversation, e);
        }

        _ = _scope.Run(transaction =>
        {
            EventTail tail = Tail(transaction, conversation);

            // One prepared statement for every row; the id is not looked up (IEventStore remarks). Parameters are
            // numbered in order of appearance (https://sqlite.org/c3ref/bind_blob.html).
            NativeStatement insert = transaction.PreparedNative("""
                INSERT INTO conversation_event (conversation, seq, id, event) VALUES ($conversation, $seq, $id, $event)
                """);
            Span<byte> rowKey = stackalloc byte[RowKeySize];
            foreach (ConversationEvent e in accepted)
            {
                byte[] id = IdIndex(conversation, e.Id);
                long next = checked(tail.LastSeq + 1);
                insert.Bind(1, tail.ConversationIndex);
                insert.Bind(2, next);
                insert.Bind(3, id);
                insert.Bind(4, transaction.Values.Encrypt(EventColumn, RowKey(id, next, rowKey), e.Encoding));
                _ = insert.Execute();
                tail.LastSeq = next;
            }

            return true;
        });
    }

    /// <summary>The conversation's blind index and last position, each found once per transaction (<see cref="KithTransaction.EventTails"/>).</summary>
    private EventTail Tail(KithTransaction transaction, ConversationId conversation)
    {
        if (!transaction.EventTails.TryGetValue(conversation, out EventTail? tail))
        {
            byte[] conversationIndex = ConversationIndex(conversation);
            var last = transaction.Prepared("SELECT coalesce(max(seq), 0) FROM conversation_event WHERE conversation = $conversation");
            last.Parameters.AddWithValue("$conversation", conversationIndex);
            tail = new EventTail(conversationIndex, (long)last.ExecuteScalar()!);
            transaction.EventTails.Add(conversation, tail);
        }

        return tail;
    }

    private const int RowKeySize = BlindIndex.Size + sizeof(ulong);

    /// <summary>
    /// <c>id || seq (u64 big-endian)</c> written into <paramref name="rowKey"/>: binds an event to its conversation, its
    /// id and its arrival position.
    /// </summary>
    private static Span<byte> RowKey(byte[] id, long seq, Span<byte> rowKey)
    {
        id.CopyTo(rowKey);
        BinaryPrimitives.WriteUInt64BigEndian(rowKey[id.Length..], checked((ulong)seq));
        return rowKey[..(id.Length + sizeof(ulong))];
    }
}
