using System.Net;
using Kith.Crypto;
using Kith.Tor.Control;
using Kith.Testing.Tor;
using Kith.Tor.Onion;
using Kith.Transport;
using Kith.Transport.Connections;
using Kith.Transport.Dialing;
using Kith.Transport.Links;
using Kith.Transport.Listening;
using Kith.Transport.Tests.Support;

namespace Kith.Tor.Tests.RealTor;

/// <summary>
/// Two connection managers linked through a real onion service on the private Tor network: Bob's onion listener
/// on 127.0.0.1 behind ADD_ONION on tor A, Alice's onion dialer through tor B's SocksPort. Real time and real
/// randomness: this tier checks that the pieces fit tor, not timing.
/// </summary>
[Collection(PrivateTorNetworkCollection.Name)]
public sealed class OnionLinkTests(TorNetworkFixture network)
{
    private const int VirtualPort = 9736;

    [Fact]
    public async Task Alice_links_to_bobs_onion_service_and_frames_flow_both_ways()
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        failure.CancelAfter(PrivateTorNetwork.FailureTimeout);
        using var aliceKey = new TestPeer(1);
        using var bobKey = new TestPeer(2);
        var options = LinkOptions.Create(TimeProvider.System, SystemRandomSource.Instance);
        await using var bob = new ConnectionManager(bobKey.Keys, Peers.Knows(aliceKey), new LinkDialerRouter(null, null), options);
        await using var listener = new TcpLinkListener(new IPEndPoint(IPAddress.Loopback, 0), LinkKind.Onion, bob.AcceptInboundAsync);
        listener.Start();
        using var onionKey = OnionKey(0x33);
        var published = await network.ClientA.Control.PublishOnionServiceAsync(
            new OnionServiceRequest(onionKey, [new OnionPortMapping(VirtualPort, listener.EndPoint)]), failure.Token);
        Assert.True(published.IsOk, published.Error?.ToString());

        await using var alice = new ConnectionManager(aliceKey.Keys, Peers.Knows(bobKey),
            new OnionDialer(aliceKey.Keys, options, network.ClientB.SocksEndPoint), options);
        var atAlice = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var atBob = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.FrameReceived += (_, e) => atAlice.TrySetResult(e.Frame.ToArray());
        bob.FrameReceived += (_, e) => atBob.TrySetResult(e.Frame.ToArray());
        var bobConnected = new TaskCompletionSource<PeerLink>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.PeerConnected += (_, e) => bobConnected.TrySetResult(e.Link);

        alice.KeepConnected(new PeerAddress(bobKey.Id, bobKey.PublicKey, LinkKind.Onion, onionKey.Address.HostName, VirtualPort));
        PeerLink atBobSide = await bobConnected.Task.WaitAsync(failure.Token);
        Assert.Equal(aliceKey.Id, atBobSide.Peer);
        Assert.True(atBobSide.IsAnonymous);

        Assert.True((await bob.SendAsync(aliceKey.Id, "hello alice, via tor"u8.ToArray(), failure.Token)).IsOk);
        Assert.Equal("hello alice, via tor"u8.ToArray(), await atAlice.Task.WaitAsync(failure.Token));
        Assert.True((await alice.SendAsync(bobKey.Id, "hello bob"u8.ToArray(), failure.Token)).IsOk);
        Assert.Equal("hello bob"u8.ToArray(), await atBob.Task.WaitAsync(failure.Token));

        Assert.True((await network.ClientA.Control.DelOnionAsync(onionKey.Address, failure.Token)).IsOk);
    }

    private static OnionServiceKey OnionKey(byte fill)
    {
        var seed = Enumerable.Repeat(fill, 32).ToArray();
        var publicKey = new byte[32];
        Ed25519.DerivePublicKey(seed, publicKey);
        return OnionServiceKey.FromEd25519Seed(seed, publicKey);
    }
}
