using System.Net;
using System.Net.Sockets;
using Kith.Primitives;
using Kith.Transport.Connections;
using Kith.Transport.Dialing;
using Kith.Transport.Links;
using Kith.Transport.Listening;
using Kith.Transport.Tests.Support;

namespace Kith.Transport.Tests.Dialing;

/// <summary>Real sockets on 127.0.0.1: a listener feeding a connection manager, direct dialers, and a flood.</summary>
public sealed class LoopbackTcpTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly CountingTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    private ConnectionManager Manager(TestPeer self, ulong seed, TestPeer known)
    {
        var options = LinkOptions.Create(_time, new Crypto.SeededRandomSource(seed));
        return new ConnectionManager(self.Keys, Peers.Knows(known), new DirectTcpDialer(self.Keys, options), options);
    }

    private PeerAddress DirectAddressOf(TestPeer peer, TcpLinkListener listener) =>
        new(peer.Id, peer.PublicKey, LinkKind.DirectTcp, "127.0.0.1", listener.EndPoint.Port);

    [Fact]
    public async Task Two_managers_link_up_over_loopback_tcp_and_the_link_says_not_anonymous()
    {
        await using var alice = Manager(_alice, 10, _bob);
        await using var bob = Manager(_bob, 20, _alice);
        await using var listener = new TcpLinkListener(new IPEndPoint(IPAddress.Loopback, 0), LinkKind.DirectTcp, bob.AcceptInboundAsync);
        listener.Start();
        var atBob = new List<byte[]>();
        bob.FrameReceived += (_, e) => { lock (atBob) { atBob.Add(e.Frame.ToArray()); } };

        alice.KeepConnected(DirectAddressOf(_bob, listener));
        await Peers.EventuallyAsync(() => alice.LinkTo(_bob.Id) is not null && bob.LinkTo(_alice.Id) is not null, "linked");
        Assert.True((await alice.SendAsync(_bob.Id, new byte[100_000])).IsOk);
        await Peers.EventuallyAsync(() => { lock (atBob) { return atBob.Count == 1; } }, "frame over tcp");

        Assert.Equal(100_000, atBob[0].Length);
        Assert.Equal(LinkKind.DirectTcp, bob.LinkTo(_alice.Id)!.Kind);
        Assert.Contains("NOT ANONYMOUS", alice.LinkTo(_bob.Id)!.ToString(), StringComparison.Ordinal);
        Assert.Contains("NOT ANONYMOUS", listener.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_garbage_oversized_and_half_open_connections_is_bounded_and_an_honest_peer_still_links()
    {
        await using var bob = Manager(_bob, 20, _alice);
        await using var listener = new TcpLinkListener(new IPEndPoint(IPAddress.Loopback, 0), LinkKind.DirectTcp, bob.AcceptInboundAsync);
        listener.Start();
        var flood = new List<TcpClient>();
        try
        {
            var garbage = Enumerable.Range(0, 300).Select(i => unchecked((byte)(i * 131 + 7))).ToArray();
            for (int i = 0; i < 20; i++)
            {
                flood.Add(await ConnectAndSendAsync(listener, garbage));          // announces 0x073A bytes: too long
                flood.Add(await ConnectAndSendAsync(listener, [0xFF, 0xFF]));    // announces 65535 bytes, sends none
            }

            for (int i = 0; i < 3 * Limits.LinkMaxPendingHandshakes; i++)
            {
                flood.Add(await ConnectAndSendAsync(listener, []));              // half-open: says nothing
            }

            await Peers.EventuallyAsync(() => bob.RefusedConnections >= 40 + (2 * Limits.LinkMaxPendingHandshakes), "flood handled");
            Assert.Equal(Limits.LinkMaxPendingHandshakes, bob.PendingHandshakeCount);
            Assert.True(bob.EvictedHandshakes >= 2 * Limits.LinkMaxPendingHandshakes);

            // While the last 32 half-open connections still hold their slots, an honest peer dials in.
            await using var alice = Manager(_alice, 10, _bob);
            alice.KeepConnected(DirectAddressOf(_bob, listener));
            await Peers.EventuallyAsync(() => bob.LinkTo(_alice.Id) is not null, "honest peer linked during the flood");
            Assert.True(bob.PendingHandshakeCount <= Limits.LinkMaxPendingHandshakes);

            // The rest never finish: the handshake deadline on the injected clock clears them.
            _time.Advance(TimeSpan.FromMilliseconds(Limits.LinkHandshakeTimeoutMs));
            await Peers.EventuallyAsync(() => bob.PendingHandshakeCount == 0, "half-open connections timed out");
            Assert.NotNull(bob.LinkTo(_alice.Id));
        }
        finally
        {
            foreach (TcpClient client in flood)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<TcpClient> ConnectAndSendAsync(TcpLinkListener listener, byte[] bytes)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, listener.EndPoint.Port);
        if (bytes.Length > 0)
        {
            await client.GetStream().WriteAsync(bytes);
        }

        return client;
    }

    [Fact]
    public void An_onion_listener_refuses_to_bind_beyond_loopback()
    {
        Assert.Throws<ArgumentException>(() =>
            new TcpLinkListener(new IPEndPoint(IPAddress.Any, 0), LinkKind.Onion, (_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task Dialling_a_closed_port_fails_as_retryable_connect_failure()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var dialer = new DirectTcpDialer(_alice.Keys, LinkOptions.Create(_time, new Crypto.SeededRandomSource(1)));

        var result = await dialer.DialAsync(new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.DirectTcp, "127.0.0.1", port), CancellationToken.None);

        Assert.Equal(TransportErrors.ConnectFailed, result.Error);
        Assert.True(result.Error!.Retryable);
    }
}
