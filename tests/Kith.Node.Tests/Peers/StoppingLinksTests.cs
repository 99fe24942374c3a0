using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// A node closes its links before its contact watch and messenger stop (<c>NodeHost.DisposeAsync</c>), so a contact
/// or account change handled meanwhile asks for links to a network that is gone.
/// </summary>
public sealed class StoppingLinksTests
{
    [Fact]
    public async Task Linking_to_known_devices_after_the_links_closed_does_nothing_and_does_not_throw()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 62);
        await using TestNode bob = await TestNode.StartAsync("Bob", 63);
        await Linking.Add(alice, bob);
        await alice.Host.Peers.Manager.DisposeAsync();

        // Before: ObjectDisposedException from ConnectionManager.KeepConnected, which failed the node's disposal
        // (seen in CI: Kith.Cli.Tests' ContactCommandTests, a contact added just before the node stopped).
        Exception? thrown = Record.Exception(alice.Host.Peers.Links.ConnectKnown);

        Assert.Null(thrown);
        Assert.Empty(alice.Host.Peers.Manager.ConnectedPeers);
    }
}
