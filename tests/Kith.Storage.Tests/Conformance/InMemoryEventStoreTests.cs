using Kith.Protocol.Conversations;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryEventStoreTests : EventStoreConformance
{
    protected override IEventStore CreateStore() => new InMemoryEventStore();

    // The tests and simulations run on this store, so it checks what the SQLite store does not (IEventStore remarks).
    [Fact]
    public void Appending_an_id_already_stored_or_twice_in_a_batch_is_a_caller_bug_that_throws_and_appends_nothing()
    {
        var samples = new EventSamples(seed: 115);
        List<ConversationEvent> events = samples.Dag(3);
        var store = new InMemoryEventStore();
        store.Append(samples.Conversation, events[0]);

        Assert.Throws<InvalidOperationException>(() => store.Append(samples.Conversation, events[0]));
        Assert.Throws<InvalidOperationException>(() => store.AppendMany(samples.Conversation, [events[1], events[0]]));
        Assert.Throws<InvalidOperationException>(() => store.AppendMany(samples.Conversation, [events[1], events[2], events[1]]));

        Assert.Equal([events[0].Id], store.All(samples.Conversation).Value.Select(e => e.Id));
    }
}
