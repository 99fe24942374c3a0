using System.Net;
using System.Text;
using CsCheck;
using Kith.Tor.Socks;
using Kith.Tor.Tests.Support;

namespace Kith.Tor.Tests.Socks;

public class Socks5ClientTests
{
    private static readonly TimeSpan Patience = FakeTor.Patience;
    private const string Onion = "25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5sid.onion";

    private static byte[] ConnectBytes(string host, int port) =>
        [0x05, 0x01, 0x00, 0x03, (byte)host.Length, .. Encoding.ASCII.GetBytes(host), (byte)(port >> 8), unchecked((byte)port)];

    [Fact]
    public async Task Connect_with_isolation_credentials_sends_the_exact_rfc_1928_and_1929_bytes()
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 9735, new Socks5Credentials("contact-1", "pw"), TestContext.Current.CancellationToken);
        Assert.Equal([0x05, 0x01, 0x02], await tor.ReadBytesAsync(3));
        await tor.SendAsync([0x05, 0x02]);
        Assert.Equal([0x01, 9, .. "contact-1"u8.ToArray(), 2, (byte)'p', (byte)'w'], await tor.ReadBytesAsync(14));
        await tor.SendAsync([0x01, 0x00]);
        var connect = ConnectBytes(Onion, 9735);
        Assert.Equal(connect, await tor.ReadBytesAsync(connect.Length));
        await tor.SendAsync([0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, (byte)'h', (byte)'i']);
        Assert.True((await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);

        // The handshake read exactly its reply: the next bytes are the tunnel's.
        var tunnelled = new byte[2];
        await tor.ClientStream.ReadExactlyAsync(tunnelled, TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("hi"u8.ToArray(), tunnelled);
    }

    [Fact]
    public async Task Connect_without_credentials_offers_only_no_authentication()
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, "example.org", 443, null, TestContext.Current.CancellationToken);
        Assert.Equal([0x05, 0x01, 0x00], await tor.ReadBytesAsync(3));
        await tor.SendAsync([0x05, 0x00]);
        var connect = ConnectBytes("example.org", 443);
        Assert.Equal(connect, await tor.ReadBytesAsync(connect.Length));
        await tor.SendAsync([0x05, 0x00, 0x00, 0x03, 3, (byte)'a', (byte)'b', (byte)'c', 0x01, 0xBB]);
        Assert.True((await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
    }

    [Theory]
    [InlineData(0xF0, "socks.onion_descriptor_not_found", true)]
    [InlineData(0xF1, "socks.onion_descriptor_invalid", false)]
    [InlineData(0xF2, "socks.onion_introduction_failed", true)]
    [InlineData(0xF3, "socks.onion_rendezvous_failed", true)]
    [InlineData(0xF4, "socks.onion_client_auth_missing", false)]
    [InlineData(0xF5, "socks.onion_client_auth_wrong", false)]
    [InlineData(0xF6, "socks.onion_bad_address", false)]
    [InlineData(0xF7, "socks.onion_introduction_timed_out", true)]
    [InlineData(0x01, "socks.general_failure", true)]
    [InlineData(0x02, "socks.not_allowed", false)]
    [InlineData(0x04, "socks.host_unreachable", true)]
    [InlineData(0x05, "socks.connection_refused", true)]
    [InlineData(0x06, "socks.ttl_expired", true)]
    [InlineData(0x08, "socks.address_type_not_supported", false)]
    [InlineData(0x42, "socks.unknown_reply", false)]
    public async Task Reply_codes_map_to_errors_that_say_whether_to_retry(int code, string expected, bool retryable)
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 80, null, TestContext.Current.CancellationToken);
        await tor.ReadBytesAsync(3);
        await tor.SendAsync([0x05, 0x00]);
        await tor.ReadBytesAsync(ConnectBytes(Onion, 80).Length);
        await tor.SendAsync([0x05, (byte)code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]);
        var error = (await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error!;
        Assert.Equal(expected, error.Code);
        Assert.Equal(retryable, error.Retryable);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0xFF }, "socks.no_acceptable_method")]
    [InlineData(new byte[] { 0x04, 0x02 }, "socks.malformed")]
    [InlineData(new byte[] { 0x05, 0x00 }, "socks.malformed")]
    public async Task Bad_method_selection_is_refused(byte[] selection, string expected)
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 80, Socks5Credentials.ForIsolation("c"), TestContext.Current.CancellationToken);
        await tor.ReadBytesAsync(3);
        await tor.SendAsync(selection);
        Assert.Equal(expected, (await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Rejected_credentials_are_an_auth_error()
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 80, Socks5Credentials.ForIsolation("c"), TestContext.Current.CancellationToken);
        await tor.ReadBytesAsync(3);
        await tor.SendAsync([0x05, 0x02]);
        await tor.ReadBytesAsync(3 + 1 + 4);
        await tor.SendAsync([0x01, 0x01]);
        Assert.Equal("socks.auth_rejected", (await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x00, 0x00, 0x09 }, "socks.malformed")]
    [InlineData(new byte[] { 0x05, 0x00, 0x01, 0x01 }, "socks.malformed")]
    [InlineData(new byte[] { 0x04, 0x5A, 0x00, 0x01 }, "socks.malformed")]
    [InlineData(new byte[] { 0x05, 0x00, 0x00, 0x01, 127, 0 }, "socks.truncated")]
    [InlineData(new byte[] { 0x05 }, "socks.truncated")]
    public async Task Malformed_or_truncated_replies_are_errors_not_hangs(byte[] reply, string expected)
    {
        await using var tor = new FakeTor();
        var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 80, null, TestContext.Current.CancellationToken);
        await tor.ReadBytesAsync(3);
        await tor.SendAsync([0x05, 0x00]);
        await tor.ReadBytesAsync(ConnectBytes(Onion, 80).Length);
        await tor.SendAsync(reply);
        tor.Close();
        Assert.Equal(expected, (await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Only_loopback_proxies_and_sane_targets_are_accepted()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Socks5Client.ConnectAsync(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 9050), Onion, 80, null, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Socks5Client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, 9050), new string('a', 256), 80, null, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Socks5Client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, 9050), "host with space", 80, null, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => new Socks5Credentials("", "x"));
        Assert.Throws<ArgumentException>(() => new Socks5Credentials(new string('u', 256), "x"));
        Assert.Equal("Socks5Credentials([redacted])", Socks5Credentials.ForIsolation("secret-contact").ToString());
    }

    [Fact]
    public async Task Any_proxy_bytes_end_in_a_result_never_an_exception_or_a_hang()
    {
        await Gen.Byte.Array[0, 40].SampleAsync(async reply =>
        {
            await using var tor = new FakeTor();
            var handshake = Socks5Client.HandshakeAsync(tor.ClientStream, Onion, 80, Socks5Credentials.ForIsolation("c"), TestContext.Current.CancellationToken);
            await tor.ReadBytesAsync(3);
            await tor.SendAsync(reply);
            tor.Close();
            var result = await handshake.WaitAsync(Patience, TestContext.Current.CancellationToken);
            Assert.True(result.IsOk || result.Error.Code.StartsWith("socks.", StringComparison.Ordinal));
        }, iter: 300);
    }
}
