using Kith.Protocol.Storage;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryStateStoreTests : StateStoreConformance
{
    protected override IStateStore CreateStore() => new InMemoryStateStore();
}
