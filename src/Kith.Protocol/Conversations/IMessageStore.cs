using System.Diagnostics.CodeAnalysis;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>
/// A device's decrypted store: the content of the events it can show, per conversation, at their place in the
/// display order. Message keys are deleted after use (forward secrecy), so this store, not the sender chains, is
/// what a device reads history from, and what a newly linked device of the same account receives history from
/// over its pairwise session. Opening a conversation reads <see cref="Latest"/> without loading its whole log.
/// </summary>
/// <remarks>
/// Positions are the indexes of <see cref="ConversationLog.Order"/>. An event that arrives late and sorts into the
/// middle moves the messages after it: the caller writes their new positions with <see cref="Reposition"/> in the
/// same transaction. Implementations copy what they are given and what they return. Two messages may share a
/// position while a caller moves them; <see cref="Latest"/> then returns them in no particular order. A negative
/// position, content longer than <c>Limits.MaxShownMessageContent</c> or a page larger than
/// <c>Limits.MaxMessagesPerPage</c> is a caller bug and throws (checks in <see cref="InMemoryMessageStore"/>).
/// </remarks>
public interface IMessageStore
{
    /// <summary>Stores <paramref name="message"/>, replacing one with the same event id.</summary>
    void Put(ConversationId conversation, ShownMessage message);

    /// <summary>Moves stored messages to new positions; ids not stored are ignored.</summary>
    void Reposition(ConversationId conversation, IReadOnlyList<(EventId Id, long Position)> moves);

    /// <summary>Deletes the stored content of <paramref name="id"/>; <c>true</c> when there was some.</summary>
    bool Remove(ConversationId conversation, EventId id);

    /// <summary>Deletes every message of <paramref name="conversation"/>; returns how many there were.</summary>
    long RemoveAll(ConversationId conversation);

    /// <summary>The stored message <paramref name="id"/>, <c>null</c> when there is none, or <c>storage.corrupt_value</c>.</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
        Justification = "Get matches IEventStore.Get; VB's Get keyword only matters inside property blocks.")]
    Result<ShownMessage?> Get(ConversationId conversation, EventId id);

    /// <summary>
    /// Up to <paramref name="count"/> messages with a position below <paramref name="beforePosition"/>, the latest
    /// of them, returned in ascending position order (what a chat window shows, and what scrolling back pages).
    /// </summary>
    Result<IReadOnlyList<ShownMessage>> Latest(ConversationId conversation, int count, long beforePosition = long.MaxValue);

    /// <summary>Number of stored messages of <paramref name="conversation"/>.</summary>
    long Count(ConversationId conversation);
}
