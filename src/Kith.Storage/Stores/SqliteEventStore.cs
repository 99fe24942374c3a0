using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Wire.Conversations;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IEventStore"/> over the <c>conversation_event</c> table: one row per event, numbered per
/// conversation in arrival order. The conversation column is a blind index of the conversation id and the
/// id column a blind index of (conversation, event id); the signed encoding is encrypted with
/// <c>id || seq</c> as its row key, so neither who is in which conversation nor any event id, signature or
/// ciphertext is readable in the file, and an event moved to another row or position does not decrypt.
/// </summary>
/// <remarks>
/// A value that fails authentication or decoding, or decodes to an event of another conversation or id, is
/// <c>storage.corrupt_value</c>. Deleting whole rows is not detected here; a log rebuilt from the store still
/// checks every event's signature.
/// </remarks>
public sealed class SqliteEventStore : IEventStore
{
    private const string Table = "conversation_event";
    private static readonly ValueColumn ConversationColumn = new(Table, "conversation");
    private static readonly ValueColumn IdColumn = new(Table, "id");
    private static readonly ValueColumn EventColumn = new(Table, "event");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteEventStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteEventStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public bool Append(ConversationId conversation, ConversationEvent accepted)
    {
        InMemoryEventStore.ThrowIfMisplaced(conversation, accepted);
        byte[] conversationIndex = ConversationIndex(conversation);
        byte[] id = IdIndex(conversation, accepted.Id);
        return _scope.Run(transaction =>
        {
            // One statement for both questions: a send is a hot path, and every statement is prepared anew.
            long seq;
            using (var next = transaction.Command("""
                SELECT EXISTS (SELECT 1 FROM conversation_event WHERE id = $id),
                       (SELECT coalesce(max(seq), 0) + 1 FROM conversation_event WHERE conversation = $conversation)
                """))
            {
                next.Parameters.AddWithValue("$id", id);
                next.Parameters.AddWithValue("$conversation", conversationIndex);
                using var reader = next.ExecuteReader();
                reader.Read();
                if (reader.GetInt64(0) == 1)
                {
                    return false;
                }

                seq = reader.GetInt64(1);
            }

            using var insert = transaction.Command(
                "INSERT INTO conversation_event (conversation, seq, id, event) VALUES ($conversation, $seq, $id, $event)");
            insert.Parameters.AddWithValue("$conversation", conversationIndex);
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$event", transaction.Values.Encrypt(EventColumn, RowKey(id, seq), accepted.Encoding));
            insert.ExecuteNonQuery();
            return true;
        });
    }

    /// <inheritdoc/>
    public Result<ConversationEvent?> Get(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        return _scope.Run(transaction =>
        {
            using var select = transaction.Command("SELECT seq, event FROM conversation_event WHERE id = $id");
            select.Parameters.AddWithValue("$id", idIndex);
            using var reader = select.ExecuteReader();
            if (!reader.Read())
            {
                return Result<ConversationEvent?>.Ok(null);
            }

            Result<ConversationEvent> stored = Open(transaction, conversation, idIndex, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
            if (!stored.TryGet(out ConversationEvent? found, out KithError? error))
            {
                return Result<ConversationEvent?>.Fail(error);
            }

            return found.Id == id ? found : Result<ConversationEvent?>.Fail(StorageErrors.CorruptValue);
        });
    }

    /// <inheritdoc/>
    public bool Contains(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        return _scope.Run(transaction =>
        {
            using var exists = transaction.Command("SELECT EXISTS (SELECT 1 FROM conversation_event WHERE id = $id)");
            exists.Parameters.AddWithValue("$id", idIndex);
            return (long)exists.ExecuteScalar()! == 1;
        });
    }

    /// <inheritdoc/>
    public Result<IReadOnlyList<ConversationEvent>> All(ConversationId conversation)
    {
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            using var select = transaction.Command(
                "SELECT seq, id, event FROM conversation_event WHERE conversation = $conversation ORDER BY seq");
            select.Parameters.AddWithValue("$conversation", conversationIndex);
            using var reader = select.ExecuteReader();
            var events = new List<ConversationEvent>();
            while (reader.Read())
            {
                Result<ConversationEvent> stored = Open(transaction, conversation, reader.GetFieldValue<byte[]>(1),
                    reader.GetInt64(0), reader.GetFieldValue<byte[]>(2));
                if (!stored.TryGet(out ConversationEvent? found, out KithError? error))
                {
                    return Result<IReadOnlyList<ConversationEvent>>.Fail(error);
                }

                events.Add(found);
            }

            return Result<IReadOnlyList<ConversationEvent>>.Ok(events);
        });
    }

    /// <inheritdoc/>
    public long Count(ConversationId conversation)
    {
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            using var count = transaction.Command("SELECT count(*) FROM conversation_event WHERE conversation = $conversation");
            count.Parameters.AddWithValue("$conversation", conversationIndex);
            return (long)count.ExecuteScalar()!;
        });
    }

    /// <summary>Decrypts and decodes one row; anything but an intact event of <paramref name="conversation"/> is corrupt.</summary>
    private static Result<ConversationEvent> Open(KithTransaction transaction, ConversationId conversation, byte[] idIndex,
        long seq, byte[] stored)
    {
        Result<byte[]> encoding = transaction.Values.Decrypt(EventColumn, RowKey(idIndex, seq), stored);
        if (!encoding.IsOk)
        {
            return encoding.Error;
        }

        Result<ConversationEvent> decoded = ConversationEvent.Decode(encoding.Value);
        return decoded.IsOk && decoded.Value.Conversation == conversation ? decoded : StorageErrors.CorruptValue;
    }

    private byte[] ConversationIndex(ConversationId conversation) => _scope.Database.Index.Compute(ConversationColumn, conversation.Span);

    private byte[] IdIndex(ConversationId conversation, EventId id) => _scope.Database.Index.Compute(IdColumn, conversation.Span, id.Span);

    /// <summary><c>id || seq (u64 big-endian)</c>: binds an event to its conversation, its id and its arrival position.</summary>
    private static byte[] RowKey(byte[] id, long seq)
    {
        byte[] rowKey = new byte[id.Length + sizeof(ulong)];
        id.CopyTo(rowKey, 0);
        BinaryPrimitives.WriteUInt64BigEndian(rowKey.AsSpan(id.Length), checked((ulong)seq));
        return rowKey;
    }

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteEventStore);
}
