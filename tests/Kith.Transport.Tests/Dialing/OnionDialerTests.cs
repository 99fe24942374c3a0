using System.Text;
using Kith.Transport.Dialing;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Transport.Tests.Support;
using Kith.Tor.Tests.Support;
using Kith.Wire.Onion;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Dialing;

/// <summary>The onion dialer against a pipe playing tor's SocksPort (RFC 1928/1929), then the handshake in the tunnel.</summary>
public sealed class OnionDialerTests : IDisposable
{
    private static readonly string BobOnion = OnionAddress.FromPublicKey(Enumerable.Repeat((byte)0x42, 32).ToArray()).HostName;
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public async Task Dials_through_socks_with_the_peers_isolation_username_and_handshakes_in_the_tunnel()
    {
        var (client, tor) = DuplexStream.CreatePair();
        var dialer = new OnionDialer(_alice.Keys, Peers.Options(_time), _ => Task.FromResult<Stream>(client));
        var address = new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.Onion, BobOnion, 9735);
        var dial = dialer.DialAsync(address, CancellationToken.None);

        var (username, host, port) = await PlayTorAsync(tor, reply: 0x00);
        Assert.Equal(OnionDialer.IsolationUsername(address), username);
        Assert.Equal(BobOnion, host);
        Assert.Equal(9735, port);
        var accepted = await LinkHandshake.AcceptAsync(tor, LinkKind.Onion, _bob.Keys, Peers.Knows(_alice), Peers.Options(_time, 5), CancellationToken.None);

        await using PeerLink dialled = (await dial.WaitAsync(Peers.Patience)).Value;
        await using PeerLink bobSide = accepted.Value;
        Assert.True(dialled.IsAnonymous);
        Assert.True((await dialled.SendAsync("through tor"u8.ToArray())).IsOk);
        Assert.Equal("through tor"u8.ToArray(), (await bobSide.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Value);
    }

    [Fact]
    public void Each_peer_gets_its_own_isolation_username()
    {
        var toBob = new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.Onion, BobOnion, 1);
        var toAlice = new PeerAddress(_alice.Id, _alice.PublicKey, LinkKind.Onion, BobOnion, 1);
        Assert.NotEqual(OnionDialer.IsolationUsername(toBob), OnionDialer.IsolationUsername(toAlice));
    }

    [Fact]
    public async Task A_socks_failure_is_returned_as_retryable_without_a_handshake()
    {
        var (client, tor) = DuplexStream.CreatePair();
        var dialer = new OnionDialer(_alice.Keys, Peers.Options(_time), _ => Task.FromResult<Stream>(client));
        var dial = dialer.DialAsync(new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.Onion, BobOnion, 9735), CancellationToken.None);

        await PlayTorAsync(tor, reply: 0xF0); // tor: onion service descriptor can not be found

        var result = await dial.WaitAsync(Peers.Patience);
        Assert.StartsWith("socks.", result.Error!.Code, StringComparison.Ordinal);
        Assert.True(result.Error.Retryable);
    }

    [Fact]
    public async Task A_malformed_onion_name_is_refused_before_any_connection()
    {
        var opened = false;
        var dialer = new OnionDialer(_alice.Keys, Peers.Options(_time), _ => { opened = true; return Task.FromResult<Stream>(new MemoryStream()); });

        var result = await dialer.DialAsync(new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.Onion, "example.org", 80), CancellationToken.None);

        Assert.Equal(OnionAddress.BadAddress, result.Error);
        Assert.False(opened);
    }

    [Fact]
    public async Task Tor_being_unreachable_is_a_proxy_error()
    {
        var dialer = new OnionDialer(_alice.Keys, Peers.Options(_time), _ => throw new IOException("refused"));
        var result = await dialer.DialAsync(new PeerAddress(_bob.Id, _bob.PublicKey, LinkKind.Onion, BobOnion, 80), CancellationToken.None);
        Assert.Equal(Tor.Socks.Socks5Errors.ProxyUnreachable, result.Error);
    }

    /// <summary>tor's side of the SOCKS5 exchange; returns what the client asked for.</summary>
    private static async Task<(string Username, string Host, int Port)> PlayTorAsync(Stream tor, byte reply)
    {
        Assert.Equal(new byte[] { 5, 1, 2 }, await ReadAsync(tor, 3));       // greeting: username/password only
        await tor.WriteAsync(new byte[] { 5, 2 });
        var head = await ReadAsync(tor, 2);                                   // RFC 1929: VER ULEN
        string username = Encoding.UTF8.GetString(await ReadAsync(tor, head[1]));
        var passwordLength = await ReadAsync(tor, 1);
        await ReadAsync(tor, passwordLength[0]);
        await tor.WriteAsync(new byte[] { 1, 0 });
        Assert.Equal(new byte[] { 5, 1, 0, 3 }, await ReadAsync(tor, 4));    // CONNECT, domain name
        var hostLength = await ReadAsync(tor, 1);
        string host = Encoding.ASCII.GetString(await ReadAsync(tor, hostLength[0]));
        var port = await ReadAsync(tor, 2);
        await tor.WriteAsync(new byte[] { 5, reply, 0, 1, 0, 0, 0, 0, 0, 0 });
        await tor.FlushAsync();
        return (username, host, (port[0] << 8) | port[1]);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Peers.Patience);
        return buffer;
    }
}

public sealed class LinkDialerRouterTests
{
    [Fact]
    public async Task A_kind_without_a_dialer_fails_without_opening_anything()
    {
        using var bob = new TestPeer(2);
        var router = new LinkDialerRouter(onion: null, direct: null);
        var result = await router.DialAsync(new PeerAddress(bob.Id, bob.PublicKey, LinkKind.DirectTcp, "127.0.0.1", 1), CancellationToken.None);
        Assert.Equal(LinkDialerRouter.KindDisabled, result.Error);
    }
}
