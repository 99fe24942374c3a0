using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Transport.Tests.Support;
using Kith.Tor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Handshake;

/// <summary>
/// The identity payload in XX messages 2 and 3 (libp2p Noise spec, "The libp2p Handshake Payload"): a device known
/// only by its identity can be dialled and accepted, and a payload that does not prove the Noise static key is refused
/// before the peer is trusted.
/// </summary>
public sealed class LinkHandshakeIdentityTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly TestPeer _mallory = new(3);
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _mallory.Dispose();
    }

    [Fact]
    public async Task A_peer_known_only_by_its_identity_is_dialled_and_accepted_by_it()
    {
        var (a, b) = DuplexStream.CreatePair();
        DeviceId? asked = null;
        LinkAuthoriser byIdentity = (_, identity) => (asked = identity) == _alice.Id ? identity : null;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, byIdentity, Peers.Options(_time, 2), CancellationToken.None);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, ReadOnlyMemory<byte>.Empty, Peers.Options(_time, 3), CancellationToken.None);

        await using PeerLink dialled = dial.Value;
        await using PeerLink accepted = (await accept.WaitAsync(Peers.Patience)).Value;
        Assert.Equal(_bob.Id, dialled.Peer);
        Assert.True(dialled.RemoteStaticPublicKey.SequenceEqual(_bob.Static.PublicKey));
        Assert.Equal(_alice.Id, asked);
        Assert.Equal(_alice.Id, accepted.Peer);
        Assert.True((await dialled.SendAsync("hi"u8.ToArray())).IsOk);
        Assert.Equal("hi"u8.ToArray(), (await accepted.ReceiveAsync()).Value);
    }

    [Fact]
    public async Task Handshake_messages_with_the_identity_payload_fit_the_handshake_limit()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = b;
        Task answering = RawDialer.AnswerWithPayloadAsync(b, _bob, _bob.Keys.Identity.Encode());
        using var ephemeral = Crypto.X25519KeyPair.Generate(new Crypto.SeededRandomSource(78));
        await RawDialer.WriteAsync(a, ephemeral.PublicKeyBytes); // message 1
        await answering;
        byte[] message2 = await RawDialer.ReadAsync(a);

        // e (32) + encrypted s (32 + 16) + encrypted payload (97 + 16); message 3 is the same without e.
        Assert.Equal(32 + 48 + LinkIdentity.Size + 16, message2.Length);
        Assert.True(message2.Length <= Primitives.Limits.LinkHandshakeMessageMaxLength);
    }

    [Fact]
    public async Task Dialling_by_identity_refuses_a_responder_proving_another_identity_before_revealing_itself()
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _mallory.Keys, Peers.Knows(_alice), Peers.Options(_time, 2), CancellationToken.None);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, ReadOnlyMemory<byte>.Empty, Peers.Options(_time, 3), CancellationToken.None);

        Assert.Equal(TransportErrors.WrongPeer, dial.Error);
        Assert.Equal(TransportErrors.Closed, (await accept.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task A_responder_replaying_anothers_payload_over_its_own_static_key_is_refused()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = b;
        Task answering = RawDialer.AnswerWithPayloadAsync(b, _mallory, _bob.Keys.Identity.Encode());
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, ReadOnlyMemory<byte>.Empty, Peers.Options(_time, 3), CancellationToken.None);
        await answering;

        Assert.Equal(TransportErrors.UnprovenIdentity, dial.Error);
    }

    [Fact]
    public async Task A_responder_with_the_expected_static_key_must_still_send_a_valid_payload()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = b;
        Task answering = RawDialer.AnswerWithPayloadAsync(b, _bob, []);
        var dial = await LinkHandshake.DialAsync(a, LinkKind.Onion, _alice.Keys, _bob.Id, _bob.PublicKey, Peers.Options(_time, 3), CancellationToken.None);
        await answering;

        Assert.Equal(TransportErrors.MalformedIdentity, dial.Error);
    }

    [Fact]
    public async Task A_dialer_replaying_anothers_payload_is_refused_before_the_authoriser_is_asked()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        bool asked = false;
        LinkAuthoriser anyone = (_, identity) => { asked = true; return identity; };
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, anyone, Peers.Options(_time, 2), CancellationToken.None);
        using var transport = await RawDialer.DialWithPayloadAsync(a, _mallory, _alice.Keys.Identity.Encode());

        Result<PeerLink> accepted = await accept.WaitAsync(Peers.Patience);
        Assert.Equal(TransportErrors.UnprovenIdentity, accepted.Error);
        Assert.False(asked);
    }

    [Fact]
    public async Task A_dialer_sending_an_oversized_payload_is_refused()
    {
        var (a, b) = DuplexStream.CreatePair();
        await using var _ = a;
        var accept = LinkHandshake.AcceptAsync(b, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time, 2), CancellationToken.None);
        using var transport = await RawDialer.DialWithPayloadAsync(a, _alice, [.. _alice.Keys.Identity.Encode(), 0]);

        Assert.Equal(TransportErrors.MalformedIdentity, (await accept.WaitAsync(Peers.Patience)).Error);
    }
}
