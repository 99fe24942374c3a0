using Kith.Protocol.Sessions;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemorySessionStoreTests : SessionStoreConformance
{
    protected override ISessionStore CreateStore() => new InMemorySessionStore();
}
