using Kith.Protocol.Conversations;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryMessageStoreTests : MessageStoreConformance
{
    protected override IMessageStore CreateStore() => new InMemoryMessageStore();
}
