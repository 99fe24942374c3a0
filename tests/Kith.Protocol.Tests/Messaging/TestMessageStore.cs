using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>
/// A minimal in-memory <see cref="IMessageStore"/> for these tests (the storage helper ships the real
/// InMemoryMessageStore; swap it in at merge). Counts every Put so a test can prove nothing is shown twice.
/// </summary>
internal sealed class TestMessageStore : IMessageStore
{
    private readonly Dictionary<ConversationId, Dictionary<EventId, ShownMessage>> _messages = [];

    public int Puts { get; private set; }

    public void Put(ConversationId conversation, ShownMessage message)
    {
        Puts++;
        Of(conversation)[message.Id] = message;
    }

    public void Reposition(ConversationId conversation, IReadOnlyList<(EventId Id, long Position)> moves)
    {
        Dictionary<EventId, ShownMessage> messages = Of(conversation);
        foreach ((EventId id, long position) in moves)
        {
            if (messages.TryGetValue(id, out ShownMessage? message))
            {
                messages[id] = message with { Position = position };
            }
        }
    }

    public bool Remove(ConversationId conversation, EventId id) => Of(conversation).Remove(id);

    public long RemoveAll(ConversationId conversation)
    {
        long count = Of(conversation).Count;
        Of(conversation).Clear();
        return count;
    }

    public Result<ShownMessage?> Get(ConversationId conversation, EventId id) =>
        Of(conversation).TryGetValue(id, out ShownMessage? message) ? message : Result<ShownMessage?>.Ok(null);

    public Result<IReadOnlyList<ShownMessage>> Latest(ConversationId conversation, int count, long beforePosition = long.MaxValue) =>
        Result<IReadOnlyList<ShownMessage>>.Ok([.. Of(conversation).Values.Where(m => m.Position < beforePosition)
            .OrderBy(m => m.Position).TakeLast(count)]);

    public long Count(ConversationId conversation) => Of(conversation).Count;

    private Dictionary<EventId, ShownMessage> Of(ConversationId conversation)
    {
        if (!_messages.TryGetValue(conversation, out Dictionary<EventId, ShownMessage>? messages))
        {
            messages = [];
            _messages.Add(conversation, messages);
        }

        return messages;
    }
}
