using Kith.Protocol.Delivery;

namespace Kith.Storage.Tests.Conformance;

public sealed class OutboxStoreInMemoryTests : OutboxStoreConformance
{
    protected override IOutboxStore CreateStore() => new InMemoryOutboxStore();
}
