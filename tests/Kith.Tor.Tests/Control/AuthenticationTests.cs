using System.Security.Cryptography;
using System.Text;
using Kith.Tor.Control;
using Kith.Tor.Tests.Support;

namespace Kith.Tor.Tests.Control;

public sealed class AuthenticationTests : IDisposable
{
    private static readonly TimeSpan Patience = FakeTor.Patience;
    private static readonly byte[] Cookie = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly byte[] ClientNonce = [.. Enumerable.Range(0x40, 32).Select(i => (byte)i)];
    private static readonly byte[] ServerNonce = [.. Enumerable.Range(0x80, 32).Select(i => (byte)i)];
    private readonly string _cookiePath = Path.Combine(Path.GetTempPath(), $"kith-cookie-{Guid.NewGuid():N}");

    public AuthenticationTests() => File.WriteAllBytes(_cookiePath, Cookie);

    public void Dispose() => File.Delete(_cookiePath);

    // control-spec §3.24, written out independently of SafeCookie.
    private static byte[] Hmac(string key)
    {
        byte[] message = [.. Cookie, .. ClientNonce, .. ServerNonce];
        return HMACSHA256.HashData(Encoding.ASCII.GetBytes(key), message);
    }

    private TorControlClient NewClient(FakeTor tor) =>
        new(tor.ClientStream, buffer => ClientNonce.CopyTo(buffer));

    private string ProtocolInfo(string methods) =>
        $"250-PROTOCOLINFO 1\r\n250-AUTH METHODS={methods} COOKIEFILE={QuotedString.Quote(_cookiePath)}\r\n250-VERSION Tor=\"0.4.9.11\"\r\n250 OK\r\n";

    [Fact]
    public async Task SafeCookie_sends_the_exact_challenge_and_the_client_hash()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("COOKIE,SAFECOOKIE"));
        await tor.ExpectAsync("AUTHCHALLENGE SAFECOOKIE " + Convert.ToHexString(ClientNonce),
            $"250 AUTHCHALLENGE SERVERHASH={Convert.ToHexString(Hmac("Tor safe cookie authentication server-to-controller hash"))} SERVERNONCE={Convert.ToHexString(ServerNonce)}\r\n");
        await tor.ExpectAsync("AUTHENTICATE " + Convert.ToHexString(Hmac("Tor safe cookie authentication controller-to-server hash")), "250 OK\r\n");
        Assert.True((await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
    }

    [Fact]
    public void SafeCookie_hashes_match_a_fixed_vector()
    {
        var server = new byte[32];
        var client = new byte[32];
        SafeCookie.ComputeServerHash(Cookie, ClientNonce, ServerNonce, server);
        SafeCookie.ComputeClientHash(Cookie, ClientNonce, ServerNonce, client);
        Assert.Equal(Hmac("Tor safe cookie authentication server-to-controller hash"), server);
        Assert.Equal(Hmac("Tor safe cookie authentication controller-to-server hash"), client);
        Assert.NotEqual(server, client);
    }

    [Fact]
    public async Task A_wrong_server_hash_stops_before_anything_derived_from_the_cookie_is_sent()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("SAFECOOKIE"));
        var wrong = Hmac("Tor safe cookie authentication server-to-controller hash");
        wrong[0] ^= 1;
        await tor.ExpectAsync("AUTHCHALLENGE SAFECOOKIE " + Convert.ToHexString(ClientNonce),
            $"250 AUTHCHALLENGE SERVERHASH={Convert.ToHexString(wrong)} SERVERNONCE={Convert.ToHexString(ServerNonce)}\r\n");
        Assert.Equal("tor.control.server_hash_mismatch", (await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);

        var probe = client.SendAsync("GETINFO version", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO version", await tor.ReadLineAsync());
        await tor.SendAsync("250 OK\r\n");
        await probe.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("250 AUTHCHALLENGE SERVERHASH=00 SERVERNONCE=00\r\n")]
    [InlineData("250 AUTHCHALLENGE SERVERNONCE=0000000000000000000000000000000000000000000000000000000000000000\r\n")]
    [InlineData("250 AUTHCHALLENGE SERVERHASH=zz00000000000000000000000000000000000000000000000000000000000000 SERVERNONCE=0000000000000000000000000000000000000000000000000000000000000000\r\n")]
    [InlineData("250 OK\r\n")]
    public async Task A_malformed_challenge_is_refused(string challenge)
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("SAFECOOKIE"));
        await tor.ExpectAsync("AUTHCHALLENGE SAFECOOKIE " + Convert.ToHexString(ClientNonce), challenge);
        Assert.Equal("tor.control.unexpected_reply", (await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Cookie_is_the_fallback_when_safecookie_is_not_offered()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("COOKIE"));
        await tor.ExpectAsync("AUTHENTICATE " + Convert.ToHexString(Cookie), "250 OK\r\n");
        Assert.True((await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
    }

    [Fact]
    public async Task Null_authentication_sends_a_bare_authenticate()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", "250-PROTOCOLINFO 1\r\n250-AUTH METHODS=NULL\r\n250-VERSION Tor=\"0.4.9.11\"\r\n250 OK\r\n");
        await tor.ExpectAsync("AUTHENTICATE", "250 OK\r\n");
        Assert.True((await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
    }

    [Fact]
    public async Task Password_only_tor_is_refused_without_sending_anything()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", "250-PROTOCOLINFO 1\r\n250-AUTH METHODS=HASHEDPASSWORD\r\n250 OK\r\n");
        Assert.Equal("tor.control.no_auth_method", (await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Rejected_authentication_is_an_auth_failure()
    {
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("COOKIE"));
        await tor.ExpectAsync("AUTHENTICATE " + Convert.ToHexString(Cookie), "515 Authentication failed: Wrong length on authentication cookie.\r\n");
        Assert.Equal("tor.control.auth_failed", (await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task A_cookie_file_of_the_wrong_size_is_not_read()
    {
        File.WriteAllBytes(_cookiePath, new byte[33]);
        await using var tor = new FakeTor();
        await using var client = NewClient(tor);
        var auth = client.AuthenticateAsync(null, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("PROTOCOLINFO 1", ProtocolInfo("SAFECOOKIE"));
        Assert.Equal("tor.control.cookie_unreadable", (await auth.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }
}
