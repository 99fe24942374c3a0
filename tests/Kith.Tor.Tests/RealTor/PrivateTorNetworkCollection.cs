namespace Kith.Tor.Tests.RealTor;

/// <summary>The real-tor tests share one private network; they are a separate, slower tier.</summary>
[CollectionDefinition(Name)]
public sealed class PrivateTorNetworkCollection : ICollectionFixture<TorNetworkFixture>
{
    public const string Name = "Private Tor network";
}
