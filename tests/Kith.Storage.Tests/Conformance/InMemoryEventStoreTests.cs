using Kith.Protocol.Conversations;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryEventStoreTests : EventStoreConformance
{
    protected override IEventStore CreateStore() => new InMemoryEventStore();
}
