using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>An <see cref="IEventStore"/> in memory, for tests and simulations. Events are immutable, so they are shared, not copied.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Dictionary<ConversationId, Conversation> _conversations = [];

    /// <inheritdoc/>
    /// <remarks>An id already stored throws: the tests and simulations run on this store, so it checks for the callers.</remarks>
    public void Append(ConversationId conversation, ConversationEvent accepted) => AppendMany(conversation, [accepted]);

    /// <inheritdoc/>
    /// <remarks>An id already stored, or twice in the batch, throws and nothing is appended.</remarks>
    public void AppendMany(ConversationId conversation, IReadOnlyList<ConversationEvent> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        _conversations.TryGetValue(conversation, out Conversation? stored);
        var batch = new HashSet<EventId>();
        foreach (ConversationEvent e in accepted)
        {
            ThrowIfMisplaced(conversation, e);
            if (!batch.Add(e.Id) || stored?.ById.ContainsKey(e.Id) == true)
            {
                throw new InvalidOperationException("The event is already stored: the log accepts each id once, and the store mirrors it.");
            }
        }

        if (stored is null)
        {
            stored = new Conversation();
            _conversations.Add(conversation, stored);
        }

        foreach (ConversationEvent e in accepted)
        {
            stored.ById.Add(e.Id, e);
            stored.Arrival.Add(e);
        }
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
