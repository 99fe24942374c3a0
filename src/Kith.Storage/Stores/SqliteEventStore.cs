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
public sealed partial class SqliteEventStore : IEventStore
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
    public void Append(ConversationId conversation, ConversationEvent accepted) => AppendMany(conversation, [accepted]);

    /// <inheritdoc/>
    public Result<ConversationEvent?> Get(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT seq, event FROM conversation_event" + ByIdFilter);
            select.Parameters.AddWithValue("$conversation", conversationIndex);
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
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            var exists = transaction.Prepared("SELECT EXISTS (SELECT 1 FROM conversation_event" + ByIdFilter + ")");
            exists.Parameters.AddWithValue("$conversation", conversationIndex);
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
            var select = transaction.Prepared(
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
            var count = transaction.Prepared("SELECT count(*) FROM conversation_event WHERE conversation = $conversation");
            count.Parameters.AddWithValue("$conversation", conversationIndex);
            return (long)count.ExecuteScalar()!;
        });
    }

    /// <summary>Decrypts and decodes one row; anything but an intact event of <paramref name="conversation"/> is corrupt.</summary>
    private static Result<ConversationEvent> Open(KithTransaction transaction, ConversationId conversation, byte[] idIndex,
        long seq, byte[] stored)
    {
        // Sized by the id as read: a corrupt file may hold an id of any length.
        Result<byte[]> encoding = transaction.Values.Decrypt(EventColumn, RowKey(idIndex, seq, new byte[idIndex.Length + sizeof(ulong)]), stored);
        if (!encoding.IsOk)
        {
            return encoding.Error;
        }

        Result<ConversationEvent> decoded = ConversationEvent.Decode(encoding.Value);
        return decoded.IsOk && decoded.Value.Conversation == conversation ? decoded : StorageErrors.CorruptValue;
    }

    /// <summary>
    /// The filter of every lookup by id. Ids have no index of their own (migration 8, IEventStore remarks), so it
    /// reads the conversation's entries of <c>conversation_event_by_seq</c>, which carry the id, and the table row of
    /// the match only.
    /// </summary>
    private const string ByIdFilter = " WHERE conversation = $conversation AND id = $id";

    private byte[] ConversationIndex(ConversationId conversation) => _scope.Database.Index.Compute(ConversationColumn, conversation.Span);

    private byte[] IdIndex(ConversationId conversation, EventId id) => _scope.Database.Index.Compute(IdColumn, conversation.Span, id.Span);

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteEventStore);

    /// <inheritdoc/>
    /// <remarks>
    /// The row and its index entries are deleted with <c>secure_delete</c> on (ConnectionSetup), so SQLite zeroes
    /// their cells; the WAL still holds the pages as they were until it is checkpointed, so the commit is followed
    /// by a truncating checkpoint (<see cref="KithDatabase.ScrubAfterCommit"/>). The other rows keep their
    /// <c>seq</c>, which their row keys bind.
    /// </remarks>
    public bool Remove(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM conversation_event" + ByIdFilter);
            delete.Parameters.AddWithValue("$conversation", conversationIndex);
            delete.Parameters.AddWithValue("$id", idIndex);
            // Every row of the id: one, unless a caller appended it twice (IEventStore remarks).
            bool removed = delete.ExecuteNonQuery() > 0;
            if (removed)
            {
                transaction.Database.ScrubAfterCommit();
            }

            return removed;
        });
    }
}
