using Kith.Primitives;
using Kith.Transport.Connections;
using Kith.Transport.Handshake;
using Kith.Transport.Tests.Support;
using Kith.Tor.Tests.Support;

namespace Kith.Transport.Tests.Connections;

public sealed class ConnectionManagerTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly TestPeer _mallory = new(3);
    private readonly PipeNetwork _net = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _mallory.Dispose();
    }

    [Fact]
    public async Task Keeping_a_peer_connected_dials_it_and_frames_flow_both_ways()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        await using var bob = _net.Manager(_bob, 20, _alice);
        _net.Online(_bob.Id, bob);
        var atBob = new List<byte[]>();
        var atAlice = new List<byte[]>();
        bob.FrameReceived += (_, e) => { lock (atBob) { atBob.Add(e.Frame.ToArray()); } };
        alice.FrameReceived += (_, e) => { lock (atAlice) { atAlice.Add(e.Frame.ToArray()); } };

        alice.KeepConnected(PipeNetwork.AddressOf(_bob));
        await Peers.EventuallyAsync(() => alice.LinkTo(_bob.Id) is not null && bob.LinkTo(_alice.Id) is not null, "link up");

        Assert.True((await alice.SendAsync(_bob.Id, "to bob"u8.ToArray())).IsOk);
        Assert.True((await bob.SendAsync(_alice.Id, "to alice"u8.ToArray())).IsOk);
        await Peers.EventuallyAsync(() => { lock (atBob) { lock (atAlice) { return atBob.Count == 1 && atAlice.Count == 1; } } }, "frames");
        Assert.Equal("to bob"u8.ToArray(), atBob[0]);
        Assert.Equal("to alice"u8.ToArray(), atAlice[0]);
    }

    [Fact]
    public async Task Sending_to_a_peer_without_a_link_says_not_connected()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        Assert.Equal(TransportErrors.NotConnected, (await alice.SendAsync(_bob.Id, new byte[1])).Error);
    }

    [Fact]
    public async Task An_offline_peer_is_retried_on_the_backoff_schedule_until_it_comes_online()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        await using var bob = _net.Manager(_bob, 20, _alice);

        alice.KeepConnected(PipeNetwork.AddressOf(_bob));
        for (int failures = 0; failures < 6; failures++)
        {
            // Offline: each dial fails at once, then exactly one backoff delay is armed on the clock.
            await Peers.EventuallyAsync(() => _net.Time.TimersCreated == failures + 1, $"backoff {failures}");
            Assert.Equal(failures + 1, _net.Dials.Count);
            Assert.Equal(TransportErrors.ConnectFailed, alice.LastDialError(_bob.Id));
            long ceiling = ReconnectBackoff.CeilingMs(failures);
            _net.Time.Advance(TimeSpan.FromMilliseconds((ceiling / 2) - 1));
            await Task.Delay(10);
            Assert.Equal(failures + 1, _net.Dials.Count); // never before half the ceiling
            _net.Time.Advance(TimeSpan.FromMilliseconds(ceiling - (ceiling / 2) + 1));
            await Peers.EventuallyAsync(() => _net.Dials.Count == failures + 2, $"dial {failures + 2} by the ceiling");
        }

        _net.Online(_bob.Id, bob);
        await Peers.EventuallyAsync(() => _net.Time.TimersCreated == 7, "backoff 6");
        _net.Time.Advance(TimeSpan.FromMilliseconds(ReconnectBackoff.CeilingMs(6)));
        await Peers.EventuallyAsync(() => alice.LinkTo(_bob.Id) is not null, "connected once bob is back");
        Assert.Equal(8, _net.Dials.Count);
    }

    [Fact]
    public async Task When_both_dial_at_once_both_keep_the_same_single_link()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        await using var bob = _net.Manager(_bob, 20, _alice);
        _net.Online(_alice.Id, alice);
        _net.Online(_bob.Id, bob);
        var atBob = 0;
        bob.FrameReceived += (_, _) => Interlocked.Increment(ref atBob);

        alice.KeepConnected(PipeNetwork.AddressOf(_bob));
        bob.KeepConnected(PipeNetwork.AddressOf(_alice));
        await Peers.EventuallyAsync(() => _net.Dials.Count >= 2, "both dialled");
        await Peers.EventuallyAsync(
            () => alice.LinkTo(_bob.Id) is { } a && bob.LinkTo(_alice.Id) is { } b && a.IsInitiator != b.IsInitiator,
            "one link, the same on both sides");

        Assert.True((await alice.SendAsync(_bob.Id, "over the kept link"u8.ToArray())).IsOk);
        await Peers.EventuallyAsync(() => Volatile.Read(ref atBob) == 1, "frame over the kept link");
        bool aliceSortsLower = _alice.Static.PublicKey.SequenceCompareTo(_bob.Static.PublicKey) < 0;
        Assert.Equal(aliceSortsLower, alice.LinkTo(_bob.Id)!.IsInitiator);
    }

    [Fact]
    public async Task A_lost_link_is_reported_and_redialled()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        await using var bob = _net.Manager(_bob, 20, _alice);
        _net.Online(_bob.Id, bob);
        var disconnects = new List<Primitives.Errors.KithError>();
        alice.PeerDisconnected += (_, e) => { lock (disconnects) { disconnects.Add(e.Reason); } };
        alice.KeepConnected(PipeNetwork.AddressOf(_bob));
        await Peers.EventuallyAsync(() => bob.LinkTo(_alice.Id) is not null, "link up");

        bob.LinkTo(_alice.Id)!.Close(TransportErrors.LocalClose);
        await Peers.EventuallyAsync(() => { lock (disconnects) { return disconnects.Count == 1; } }, "disconnect seen");
        Assert.Equal(TransportErrors.Closed, disconnects[0]);
        Assert.Null(alice.LinkTo(_bob.Id));

        await Peers.EventuallyAsync(() =>
        {
            _net.Time.Advance(TimeSpan.FromMilliseconds(100));
            return alice.LinkTo(_bob.Id) is not null;
        }, "redialled");
        Assert.Equal(2, _net.Dials.Count);
    }

    [Fact]
    public async Task Forgetting_a_peer_closes_its_link_and_stops_redialling()
    {
        await using var alice = _net.Manager(_alice, 10, _bob);
        await using var bob = _net.Manager(_bob, 20, _alice);
        _net.Online(_bob.Id, bob);
        alice.KeepConnected(PipeNetwork.AddressOf(_bob));
        await Peers.EventuallyAsync(() => alice.LinkTo(_bob.Id) is not null, "link up");

        alice.Forget(_bob.Id);
        await Peers.EventuallyAsync(() => bob.LinkTo(_alice.Id) is null, "link closed at bob");
        _net.Time.Advance(TimeSpan.FromMilliseconds(Limits.LinkBackoffMaxMs));
        await Task.Delay(50);

        Assert.Single(_net.Dials);
        Assert.Null(alice.LinkTo(_bob.Id));
    }

    [Fact]
    public async Task An_unknown_static_key_is_refused_and_counted()
    {
        await using var bob = _net.Manager(_bob, 20, _alice);
        var (a, b) = DuplexStream.CreatePair();
        var inbound = bob.AcceptInboundAsync(b, LinkKind.Onion);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _mallory.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_net.Time), CancellationToken.None);
        await inbound.WaitAsync(Peers.Patience);

        Assert.Equal(1, bob.RefusedConnections);
        Assert.Empty(bob.ConnectedPeers);
        await dial.Value.DisposeAsync();
    }

    [Fact]
    public async Task A_peer_that_reconnects_too_often_is_refused_until_the_window_passes()
    {
        await using var bob = _net.Manager(_bob, 20, _alice);
        var kept = new List<Transport.Links.PeerLink>();
        for (int i = 0; i <= Limits.LinkPeerConnectionsPerWindow; i++)
        {
            var (a, b) = DuplexStream.CreatePair();
            var inbound = bob.AcceptInboundAsync(b, LinkKind.Onion);
            var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_net.Time, (ulong)i + 100), CancellationToken.None);
            await inbound.WaitAsync(Peers.Patience);
            kept.Add(dial.Value);
        }

        // Bob hangs up on the 11th link; the 10th stays his live link (each newer one from the same dialer replaced
        // the one before, so only a refusal leaves it standing).
        Assert.Equal(TransportErrors.Closed, (await kept[^1].ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
        Assert.Equal(TransportErrors.Closed, (await kept[^3].ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
        var arrived = 0;
        bob.FrameReceived += (_, _) => Interlocked.Increment(ref arrived);
        Assert.True((await kept[^2].SendAsync(new byte[] { 1 })).IsOk);
        await Peers.EventuallyAsync(() => Volatile.Read(ref arrived) == 1, "the 10th link still carries frames");

        _net.Time.Advance(TimeSpan.FromMilliseconds(Limits.LinkPeerRateWindowMs));
        var (c, d) = DuplexStream.CreatePair();
        var again = bob.AcceptInboundAsync(d, LinkKind.Onion);
        var redial = await LinkHandshake.DialAsync(c, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_net.Time, 999), CancellationToken.None);
        await again.WaitAsync(Peers.Patience);
        Assert.True((await redial.Value.SendAsync(new byte[] { 2 })).IsOk);
        await Peers.EventuallyAsync(() => Volatile.Read(ref arrived) == 2, "accepted after the window");
        foreach (var link in kept.Append(redial.Value))
        {
            await link.DisposeAsync();
        }
    }
}
