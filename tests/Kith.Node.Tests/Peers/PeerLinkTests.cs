using System.Net.Sockets;
using Kith.Crypto;
using Kith.Node.Tests.Support;
using Kith.Transport;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// Two nodes in direct mode (loopback TCP, NOT ANONYMOUS) in one process, linked by the Noise handshake over the
/// node's own listener, authoriser and dialer. Time is virtual: reconnection waits for the clock to be advanced.
/// </summary>
public sealed class PeerLinkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_that_added_each_others_card_link_over_loopback()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode alice = await TestNode.StartAsync("Alice", Linking.Options(40, time));
        await using TestNode bob = await TestNode.StartAsync("Bob", Linking.Options(41, time));

        await Linking.Add(alice, bob);
        await Linking.Add(bob, alice);

        await Linking.Until(() => alice.Host.Status.Current.PeersOnline == 1 && bob.Host.Status.Current.PeersOnline == 1);
        Assert.Equal([bob.Host.Device.Device], alice.Host.Peers.Manager.ConnectedPeers);
        Assert.Equal([alice.Host.Device.Device], bob.Host.Peers.Manager.ConnectedPeers);
        Assert.False(alice.Host.Peers.Manager.LinkTo(bob.Host.Device.Device)!.IsAnonymous);
    }

    [Fact]
    public async Task A_node_refuses_a_link_from_a_device_it_does_not_know()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode bob = await TestNode.StartAsync("Bob", Linking.Options(42, time));
        using var strangerStatic = X25519KeyPair.Generate(new SeededRandomSource(43));
        using var strangerIdentity = Ed25519SigningKey.Generate(new SeededRandomSource(45));
        var stranger = LinkKeys.Create(strangerStatic, strangerIdentity);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(bob.Host.PeerEndPoint, Token);

        // The stranger knows Bob's record, so its handshake gets as far as proving its own (unknown) identity and static key.
        var dialled = await LinkHandshake.DialAsync(new NetworkStream(socket, ownsSocket: true), LinkKind.DirectTcp, stranger,
            bob.Host.Device.Device, bob.Host.Device.Keys.Prekeys.Published.IdentityDhKey, LinkOptions.Create(time, new SeededRandomSource(44)), Token);
        if (dialled.IsOk)
        {
            await using PeerLink link = dialled.Value;
            Assert.False((await link.ReceiveAsync(Token)).IsOk);
        }

        await Linking.Until(() => bob.Host.Peers.Manager.RefusedConnections == 1);
        Assert.Empty(bob.Host.Peers.Manager.ConnectedPeers);
        Assert.Equal(0, bob.Host.Status.Current.PeersOnline);
    }

    [Fact]
    public async Task A_dropped_link_is_redialled_after_the_backoff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode alice = await TestNode.StartAsync("Alice", Linking.Options(45, time));
        await using TestNode bob = await TestNode.StartAsync("Bob", Linking.Options(46, time));
        await Linking.Add(alice, bob);
        await Linking.Add(bob, alice);
        await Linking.Until(() => alice.Host.Status.Current.PeersOnline == 1 && bob.Host.Status.Current.PeersOnline == 1);
        PeerLink first = alice.Host.Peers.Manager.LinkTo(bob.Host.Device.Device)!;

        first.Close(TransportErrors.LocalClose);
        await Linking.Until(() => alice.Host.Status.Current.PeersOnline == 0 && bob.Host.Status.Current.PeersOnline == 0);

        // No redial happens on its own: both sides wait out the jittered backoff on the (virtual) clock.
        Assert.Empty(alice.Host.Peers.Manager.ConnectedPeers);
        time.Advance(TimeSpan.FromMilliseconds(Primitives.Limits.LinkBackoffBaseMs));
        await Linking.Until(() => alice.Host.Status.Current.PeersOnline == 1 && bob.Host.Status.Current.PeersOnline == 1);
        Assert.NotSame(first, alice.Host.Peers.Manager.LinkTo(bob.Host.Device.Device));
    }
}
