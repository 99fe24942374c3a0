using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>An <see cref="IEventStore"/> in memory, for tests and simulations. Events are immutable, so they are shared, not copied.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Dictionary<ConversationId, Conversation> _conversations = [];

    /// <inheritdoc/>
    public bool Append(ConversationId conversation, ConversationEvent accepted)
    {
        ThrowIfMisplaced(conversation, accepted);
        if (!_conversations.TryGetValue(conversation, out Conversation? stored))
        {
            stored = new Conversation();
            _conversations.Add(conversation, stored);
        }

        if (!stored.ById.TryAdd(accepted.Id, accepted))
        {
            return false;
        }

        stored.Arrival.Add(accepted);
        return true;
    }

    /// <inheritdoc/>
    public int AppendMany(ConversationId conversation, IReadOnlyList<ConversationEvent> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        foreach (ConversationEvent e in accepted)
        {
            ThrowIfMisplaced(conversation, e);
        }

        int appended = 0;
        foreach (ConversationEvent e in accepted)
        {
            appended += Append(conversation, e) ? 1 : 0;
        }

        return appended;
    }

    /// <inheritdoc/>
    public Result<ConversationEvent?> Get(ConversationId conversation, EventId id) =>
        _conversations.TryGetValue(conversation, out Conversation? stored) && stored.ById.TryGetValue(id, out ConversationEvent? found)
            ? found
            : Result<ConversationEvent?>.Ok(null);

    /// <inheritdoc/>
    public bool Contains(ConversationId conversation, EventId id) =>
        _conversations.TryGetValue(conversation, out Conversation? stored) && stored.ById.ContainsKey(id);

    /// <inheritdoc/>
    public Result<IReadOnlyList<ConversationEvent>> All(ConversationId conversation) =>
        _conversations.TryGetValue(conversation, out Conversation? stored)
            ? Result<IReadOnlyList<ConversationEvent>>.Ok([.. stored.Arrival])
            : Result<IReadOnlyList<ConversationEvent>>.Ok([]);

    /// <inheritdoc/>
    public long Count(ConversationId conversation) =>
        _conversations.TryGetValue(conversation, out Conversation? stored) ? stored.Arrival.Count : 0;

    /// <inheritdoc/>
    public bool Remove(ConversationId conversation, EventId id)
    {
        if (!_conversations.TryGetValue(conversation, out Conversation? stored) || !stored.ById.Remove(id, out ConversationEvent? removed))
        {
            return false;
        }

        _ = stored.Arrival.RemoveAll(e => e.Id == removed.Id);
        return true;
    }

    /// <summary>The check every <see cref="IEventStore"/> makes on <see cref="IEventStore.Append"/>: the event names the conversation.</summary>
    public static void ThrowIfMisplaced(ConversationId conversation, ConversationEvent accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Conversation != conversation)
        {
            throw new ArgumentException("The event belongs to another conversation.", nameof(accepted));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => nameof(InMemoryEventStore);

    private sealed class Conversation
    {
        public Dictionary<EventId, ConversationEvent> ById { get; } = [];

        public List<ConversationEvent> Arrival { get; } = [];
    }
}
