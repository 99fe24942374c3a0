using Kith.Protocol.Contacts;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryContactStoreTests : ContactStoreConformance
{
    protected override IContactStore CreateStore() => new InMemoryContactStore();
}
