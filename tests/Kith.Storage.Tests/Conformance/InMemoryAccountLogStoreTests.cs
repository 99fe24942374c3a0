using Kith.Protocol.Accounts;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryAccountLogStoreTests : AccountLogStoreConformance
{
    protected override IAccountLogStore CreateStore() => new InMemoryAccountLogStore();
}
