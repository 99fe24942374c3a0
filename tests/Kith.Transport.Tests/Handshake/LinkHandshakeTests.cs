using Kith.Primitives.Errors;
using Kith.Transport.Handshake;
using Kith.Transport.Tests.Support;
using Kith.Tor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Handshake;

public sealed class LinkHandshakeTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly TestPeer _mallory = new(3);
    private readonly FakeTimeProvider _time = new();

    private static byte[] AnEphemeralKey()
    {
        using var key = Crypto.X25519KeyPair.Generate(new Crypto.SeededRandomSource(77));
        return key.PublicKeyBytes;
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _mallory.Dispose();
    }

    [Fact]
    public async Task Both_sides_learn_who_the_other_is_and_frames_flow_both_ways()
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using (dialled)
        await using (accepted)
        {
            Assert.Equal(_bob.Id, dialled.Peer);
            Assert.Equal(_alice.Id, accepted.Peer);
            Assert.True(dialled.IsInitiator);
            Assert.False(accepted.IsInitiator);
            Assert.True(accepted.RemoteStaticPublicKey.SequenceEqual(_alice.Static.PublicKey));

            Assert.True((await dialled.SendAsync("hello bob"u8.ToArray())).IsOk);
            Assert.Equal("hello bob"u8.ToArray(), (await accepted.ReceiveAsync()).Value);
            Assert.True((await accepted.SendAsync("hello alice"u8.ToArray())).IsOk);
            Assert.Equal("hello alice"u8.ToArray(), (await dialled.ReceiveAsync()).Value);
        }
    }

    [Fact]
    public async Task Dialer_refuses_a_responder_with_another_static_key_before_revealing_itself()
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _mallory.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_time), CancellationToken.None);

        Assert.Equal(TransportErrors.WrongPeer, dial.Error);
        // Message 3 (the dialer's identity) was never sent: the impostor sees the line drop.
        Assert.Equal(TransportErrors.Closed, (await accept.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task Listener_refuses_a_static_key_its_authoriser_does_not_know()
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _mallory.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_time), CancellationToken.None);

        Assert.Equal(TransportErrors.UnknownPeer, (await accept.WaitAsync(Peers.Patience)).Error);
        await using var link = dial.Value;
        Assert.Equal(TransportErrors.Closed, (await link.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task A_different_transport_kind_in_the_prologue_fails_the_first_authenticated_message()
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.DirectTcp, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_time), CancellationToken.None);

        Assert.Equal(TransportErrors.HandshakeFailed, dial.Error);
        Assert.False((await accept.WaitAsync(Peers.Patience)).IsOk);
    }

    [Fact]
    public async Task A_silent_connection_is_dropped_when_the_handshake_timeout_passes_on_the_injected_clock()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);

        _time.Advance(TimeSpan.FromMilliseconds(Primitives.Limits.LinkHandshakeTimeoutMs - 1));
        Assert.False(accept.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TransportErrors.HandshakeTimeout, (await accept.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task A_half_finished_handshake_is_dropped_by_the_timeout_too()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);
        await RawDialer.WriteAsync(a, AnEphemeralKey()); // message 1: a stranger's ephemeral key
        await RawDialer.ReadAsync(a);                 // message 2 arrives; message 3 never comes

        _time.Advance(TimeSpan.FromMilliseconds(Primitives.Limits.LinkHandshakeTimeoutMs));

        Assert.Equal(TransportErrors.HandshakeTimeout, (await accept.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task An_oversized_handshake_message_is_refused_before_its_body_is_read()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);

        await a.WriteAsync(new byte[] { 0xFF, 0xFF }); // announces 65535 bytes, sends none of them

        Assert.Equal(TransportErrors.BadHandshakeLength, (await accept.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task Garbage_in_place_of_message_3_fails_authentication()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time), CancellationToken.None);
        await RawDialer.WriteAsync(a, AnEphemeralKey());
        await RawDialer.ReadAsync(a);
        await RawDialer.WriteAsync(a, Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

        Result<Transport.Links.PeerLink> result = await accept.WaitAsync(Peers.Patience);
        Assert.Equal(TransportErrors.HandshakeFailed, result.Error);
    }

    [Fact]
    public async Task A_dialer_whose_peer_hangs_up_gets_closed_not_an_exception()
    {
        var (a, b) = DuplexStream.CreatePair();
        b.Dispose();
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_time), CancellationToken.None);
        Assert.Equal(TransportErrors.Closed, dial.Error);
    }
}
