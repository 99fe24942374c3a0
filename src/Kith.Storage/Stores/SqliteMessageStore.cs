using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IMessageStore"/> over the <c>message</c> table (the decrypted store, issue 4): one row per shown
/// message. <c>conversation</c> is a blind index of the conversation id and <c>id</c> a blind index of
/// (conversation, event id); <c>position</c> is plain, indexed with the conversation, so
/// <see cref="Latest"/> reads an index range and decrypts only the page. The event id, author, timestamp and
/// content are encrypted together with <c>id</c> as the row key (<see cref="StoredMessage"/>).
/// </summary>
/// <remarks>
/// A value that fails authentication, is too short, or names another event than its row is
/// <c>storage.corrupt_value</c>. Positions are not authenticated (a reposition rewrites no value): someone who can
/// write the file can reorder what is shown, not what it says; the event store is the authority and the order can
/// be recomputed from it. Deleted rows are overwritten in the file (<c>secure_delete</c>).
/// </remarks>
public sealed class SqliteMessageStore : IMessageStore
{
    private const string Table = "message";
    private static readonly ValueColumn ConversationColumn = new(Table, "conversation");
    private static readonly ValueColumn IdColumn = new(Table, "id");
    private static readonly ValueColumn MessageColumn = new(Table, "message");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteMessageStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteMessageStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public void Put(ConversationId conversation, ShownMessage message)
    {
        InMemoryMessageStore.ThrowIfInvalid(message);
        byte[] conversationIndex = ConversationIndex(conversation);
        byte[] id = IdIndex(conversation, message.Id);
        byte[] plaintext = StoredMessage.Encode(message);
        byte[] stored;
        try
        {
            stored = _scope.Database.Values.Encrypt(MessageColumn, id, plaintext);
        }
        finally
        {
            StoredMessage.Clear(plaintext);
        }

        _scope.Run(transaction =>
        {
            var upsert = transaction.Prepared("""
                INSERT INTO message (id, conversation, position, message) VALUES ($id, $conversation, $position, $message)
                ON CONFLICT (id) DO UPDATE SET position = excluded.position, message = excluded.message
                """);
            upsert.Parameters.AddWithValue("$id", id);
            upsert.Parameters.AddWithValue("$conversation", conversationIndex);
            upsert.Parameters.AddWithValue("$position", message.Position);
            upsert.Parameters.AddWithValue("$message", stored);
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public void Reposition(ConversationId conversation, IReadOnlyList<(EventId Id, long Position)> moves)
    {
        InMemoryMessageStore.ThrowIfInvalid(moves);
        _scope.Run(transaction =>
        {
            var update = transaction.Prepared("UPDATE message SET position = $position WHERE id = $id");
            SqliteParameter position = update.Parameters.Add("$position", SqliteType.Integer);
            SqliteParameter id = update.Parameters.Add("$id", SqliteType.Blob);
            foreach ((EventId eventId, long newPosition) in moves)
            {
                position.Value = newPosition;
                id.Value = IdIndex(conversation, eventId);
                update.ExecuteNonQuery();
            }

            return moves.Count;
        });
    }

    /// <inheritdoc/>
    public bool Remove(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        return _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM message WHERE id = $id");
            delete.Parameters.AddWithValue("$id", idIndex);
            bool removed = delete.ExecuteNonQuery() == 1;
            if (removed)
            {
                // A deleted message must leave the files too (KithDatabase.Scrub).
                transaction.Database.ScrubAfterCommit();
            }

            return removed;
        });
    }

    /// <inheritdoc/>
    public long RemoveAll(ConversationId conversation)
    {
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM message WHERE conversation = $conversation");
            delete.Parameters.AddWithValue("$conversation", conversationIndex);
            long removed = delete.ExecuteNonQuery();
            if (removed > 0)
            {
                transaction.Database.ScrubAfterCommit();
            }

            return removed;
        });
    }

    /// <inheritdoc/>
    public Result<ShownMessage?> Get(ConversationId conversation, EventId id)
    {
        byte[] idIndex = IdIndex(conversation, id);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT position, message FROM message WHERE id = $id");
            select.Parameters.AddWithValue("$id", idIndex);
            using var reader = select.ExecuteReader();
            if (!reader.Read())
            {
                return Result<ShownMessage?>.Ok(null);
            }

            Result<ShownMessage> found = Open(conversation, idIndex, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
            return found.IsOk ? found.Value : Result<ShownMessage?>.Fail(found.Error);
        });
    }

    /// <inheritdoc/>
    public Result<IReadOnlyList<ShownMessage>> Latest(ConversationId conversation, int count, long beforePosition = long.MaxValue)
    {
        InMemoryMessageStore.ThrowIfInvalidPage(count);
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            // A backwards range scan of message_by_position: the cost is the page, not the conversation.
            var select = transaction.Prepared("""
                SELECT id, position, message FROM message
                WHERE conversation = $conversation AND position < $before
                ORDER BY position DESC LIMIT $count
                """);
            select.Parameters.AddWithValue("$conversation", conversationIndex);
            select.Parameters.AddWithValue("$before", beforePosition);
            select.Parameters.AddWithValue("$count", count);
            using var reader = select.ExecuteReader();
            var page = new List<ShownMessage>(count);
            while (reader.Read())
            {
                Result<ShownMessage> found = Open(conversation, reader.GetFieldValue<byte[]>(0), reader.GetInt64(1),
                    reader.GetFieldValue<byte[]>(2));
                if (!found.IsOk)
                {
                    return Result<IReadOnlyList<ShownMessage>>.Fail(found.Error);
                }

                page.Add(found.Value);
            }

            page.Reverse();
            return Result<IReadOnlyList<ShownMessage>>.Ok(page);
        });
    }

    /// <inheritdoc/>
    public long Count(ConversationId conversation)
    {
        byte[] conversationIndex = ConversationIndex(conversation);
        return _scope.Run(transaction =>
        {
            var count = transaction.Prepared("SELECT count(*) FROM message WHERE conversation = $conversation");
            count.Parameters.AddWithValue("$conversation", conversationIndex);
            return (long)count.ExecuteScalar()!;
        });
    }

    /// <summary>Decrypts one row; anything but an intact message of this row's event is corrupt.</summary>
    private Result<ShownMessage> Open(ConversationId conversation, byte[] idIndex, long position, byte[] stored)
    {
        Result<byte[]> plaintext = _scope.Database.Values.Decrypt(MessageColumn, idIndex, stored);
        if (!plaintext.IsOk)
        {
            return plaintext.Error;
        }

        ShownMessage? message = StoredMessage.Decode(plaintext.Value, position);
        return message is not null && IdIndex(conversation, message.Id).AsSpan().SequenceEqual(idIndex)
            ? message
            : StorageErrors.CorruptValue;
    }

    private byte[] ConversationIndex(ConversationId conversation) => _scope.Database.Index.Compute(ConversationColumn, conversation.Span);

    private byte[] IdIndex(ConversationId conversation, EventId id) => _scope.Database.Index.Compute(IdColumn, conversation.Span, id.Span);

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteMessageStore);
}
