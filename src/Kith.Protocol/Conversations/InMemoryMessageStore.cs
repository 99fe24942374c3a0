using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>An <see cref="IMessageStore"/> in memory, for tests and simulations. It copies content in and out, as the contract asks.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly Dictionary<ConversationId, Dictionary<EventId, ShownMessage>> _conversations = [];

    /// <inheritdoc/>
    public void Put(ConversationId conversation, ShownMessage message)
    {
        ThrowIfInvalid(message);
        if (!_conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored))
        {
            stored = [];
            _conversations.Add(conversation, stored);
        }

        stored[message.Id] = Copy(message);
    }

    /// <inheritdoc/>
    public void Reposition(ConversationId conversation, IReadOnlyList<(EventId Id, long Position)> moves)
    {
        ThrowIfInvalid(moves);
        if (!_conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored))
        {
            return;
        }

        foreach ((EventId id, long position) in moves)
        {
            if (stored.TryGetValue(id, out ShownMessage? found))
            {
                stored[id] = found with { Position = position };
            }
        }
    }

    /// <inheritdoc/>
    public bool Remove(ConversationId conversation, EventId id) =>
        _conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored) && stored.Remove(id);

    /// <inheritdoc/>
    public long RemoveAll(ConversationId conversation) =>
        _conversations.Remove(conversation, out Dictionary<EventId, ShownMessage>? stored) ? stored.Count : 0;

    /// <inheritdoc/>
    public Result<ShownMessage?> Get(ConversationId conversation, EventId id) =>
        _conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored) && stored.TryGetValue(id, out ShownMessage? found)
            ? Copy(found)
            : Result<ShownMessage?>.Ok(null);

    /// <inheritdoc/>
    public Result<IReadOnlyList<ShownMessage>> Latest(ConversationId conversation, int count, long beforePosition = long.MaxValue)
    {
        ThrowIfInvalidPage(count);
        if (!_conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored))
        {
            return Result<IReadOnlyList<ShownMessage>>.Ok([]);
        }

        List<ShownMessage> page = [.. stored.Values
            .Where(m => m.Position < beforePosition)
            .OrderByDescending(m => m.Position).ThenByDescending(m => m.Id)
            .Take(count)
            .Reverse()
            .Select(Copy)];
        return page;
    }

    /// <inheritdoc/>
    public long Count(ConversationId conversation) =>
        _conversations.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? stored) ? stored.Count : 0;

    /// <summary>
    /// The check every <see cref="IMessageStore.Put"/> makes: a message, at a position of at least 0, with at most
    /// <see cref="Limits.MaxShownMessageContent"/> bytes of content. Anything else is a caller bug and throws.
    /// </summary>
    public static void ThrowIfInvalid(ShownMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(message.Position, nameof(message));
        if (message.Content.Length > Limits.MaxShownMessageContent)
        {
            throw new ArgumentException($"Shown content is at most {Limits.MaxShownMessageContent} bytes.", nameof(message));
        }
    }

    /// <summary>The check every <see cref="IMessageStore.Reposition"/> makes: every new position is at least 0.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<(EventId Id, long Position)> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        foreach ((_, long position) in moves)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position, nameof(moves));
        }
    }

    /// <summary>The check every <see cref="IMessageStore.Latest"/> makes: 0 to <see cref="Limits.MaxMessagesPerPage"/> messages.</summary>
    public static void ThrowIfInvalidPage(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Limits.MaxMessagesPerPage);
    }

    /// <inheritdoc/>
    public override string ToString() => nameof(InMemoryMessageStore);

    private static ShownMessage Copy(ShownMessage message) => message with { Content = message.Content.ToArray() };
}
