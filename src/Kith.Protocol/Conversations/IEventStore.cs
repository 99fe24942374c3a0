using System.Diagnostics.CodeAnalysis;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// Where a device keeps the events its <see cref="ConversationLog"/>s accepted, per conversation, in arrival
/// order. Replaying <see cref="All"/> into a fresh log rebuilds it: every event's parents arrived before it,
/// and the display order does not depend on arrival order anyway (<see cref="DisplayOrder"/>).
/// <see cref="InMemoryEventStore"/> ships beside it; a SQLite store keeps one encrypted row per event.
/// </summary>
/// <remarks>
/// The store keeps what it is given: validation is the log's job (<see cref="EventValidator"/>), so only
/// accepted events should be appended. An event appended to a conversation it does not name is a caller bug
/// and throws.
/// <para>
/// The store mirrors its conversation's log, which accepts each id once, so appending does not look the id up:
/// that lookup in an index of random keys (event ids) costs a random page write per append on disk, the largest
/// cost of a batched durable send (Kith.Storage README, <c>conversation_event</c>). Appending an id twice is a
/// caller bug too: <see cref="InMemoryEventStore"/> throws, a store on disk may keep both rows, and a log rebuilt
/// from <see cref="All"/> takes the second as the duplicate it is. Lookups by id (<see cref="Get"/>,
/// <see cref="Contains"/>, <see cref="Remove"/>) may cost a pass over the conversation's ids: the log is the index
/// of a running device; these serve deletion, tools and tests.
/// </para>
/// </remarks>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="accepted"/>, an event new to this store (see remarks), after the conversation's last
    /// event.
    /// </summary>
    void Append(ConversationId conversation, ConversationEvent accepted);

    /// <summary>
    /// Appends <paramref name="accepted"/> in order, as <see cref="Append"/> would one by one but in one go (a sync
    /// batch); every event new to this store and to the batch. Every event must name <paramref name="conversation"/>;
    /// if one does not, nothing is appended and it throws.
    /// </summary>
    void AppendMany(ConversationId conversation, IReadOnlyList<ConversationEvent> accepted);

    /// <summary>
    /// The stored event <paramref name="id"/> of <paramref name="conversation"/>, <c>null</c> when there is none,
    /// or an error when it cannot be read back intact (<c>storage.corrupt_value</c>).
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
        Justification = "Get is the name the conversation code is written against; VB's Get keyword only matters inside property blocks.")]
    Result<ConversationEvent?> Get(ConversationId conversation, EventId id);

    /// <summary>Whether event <paramref name="id"/> of <paramref name="conversation"/> is stored.</summary>
    bool Contains(ConversationId conversation, EventId id);

    /// <summary>
    /// Every stored event of <paramref name="conversation"/> in the order it was appended, or an error when one
    /// of them cannot be read back intact.
    /// </summary>
    Result<IReadOnlyList<ConversationEvent>> All(ConversationId conversation);

    /// <summary>Number of stored events of <paramref name="conversation"/>.</summary>
    long Count(ConversationId conversation);

    /// <summary>
    /// Removes event <paramref name="id"/> of <paramref name="conversation"/> for good (a deletion, Messaging README
    /// decision 8): its bytes must not stay readable in the store, and the other events keep their arrival order.
    /// <c>false</c> when it is not stored. Its children stay; a log rebuilt from <see cref="All"/> counts the removed
    /// id as refused, so they are not stranded.
    /// </summary>
    bool Remove(ConversationId conversation, EventId id);
}
