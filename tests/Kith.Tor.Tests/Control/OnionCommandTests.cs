using System.Net;
using Kith.Crypto;
using Kith.Tor.Control;
using Kith.Tor.Onion;
using Kith.Tor.Tests.Support;

namespace Kith.Tor.Tests.Control;

public class OnionCommandTests
{
    private static readonly TimeSpan Patience = FakeTor.Patience;
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 5000);

    internal static OnionServiceKey FixedKey(byte fill = 7)
    {
        var seed = Enumerable.Repeat(fill, 32).ToArray();
        var publicKey = new byte[32];
        Ed25519.DerivePublicKey(seed, publicKey);
        return OnionServiceKey.FromEd25519Seed(seed, publicKey);
    }

    private static string ExpandedBase64(byte fill = 7)
    {
        var expanded = new byte[64];
        OnionServiceKey.Expand(Enumerable.Repeat(fill, 32).ToArray(), expanded);
        return Convert.ToBase64String(expanded);
    }

    [Fact]
    public async Task Add_onion_with_a_device_key_and_new_tor_asks_for_proof_of_work()
    {
        using var key = FixedKey();
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var adding = client.AddOnionAsync(new OnionServiceRequest(key, [new OnionPortMapping(80, Local)]), TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version", "250-version=0.4.9.11\r\n250 OK\r\n");
        await tor.ExpectAsync($"ADD_ONION ED25519-V3:{ExpandedBase64()} PoWDefensesEnabled=1 Port=80,127.0.0.1:5000",
            $"250-ServiceID={key.Address.ServiceId}\r\n250 OK\r\n");
        Assert.Equal(key.Address, (await adding.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.Address);
    }

    [Fact]
    public async Task Add_onion_on_tor_before_0_4_9_2_omits_proof_of_work()
    {
        using var key = FixedKey();
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var request = new OnionServiceRequest(key, [new OnionPortMapping(80, Local), new OnionPortMapping(81, new IPEndPoint(IPAddress.Loopback, 5001))]) { Detach = true };
        var adding = client.AddOnionAsync(request, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version", "250-version=0.4.8.16\r\n250 OK\r\n");
        await tor.ExpectAsync($"ADD_ONION ED25519-V3:{ExpandedBase64()} Flags=Detach Port=80,127.0.0.1:5000 Port=81,127.0.0.1:5001",
            $"250-ServiceID={key.Address.ServiceId}\r\n250 OK\r\n");
        Assert.True((await adding.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
    }

    [Fact]
    public async Task A_new_throwaway_key_is_discarded_by_tor()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var request = new OnionServiceRequest(null, [new OnionPortMapping(80, Local)]) { ProofOfWork = false };
        var adding = client.AddOnionAsync(request, TestContext.Current.CancellationToken);
        using var other = FixedKey(9);
        await tor.ExpectAsync("ADD_ONION NEW:ED25519-V3 Flags=DiscardPK Port=80,127.0.0.1:5000",
            $"250-ServiceID={other.Address.ServiceId}\r\n250 OK\r\n");
        Assert.Equal(other.Address, (await adding.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.Address);
    }

    [Fact]
    public async Task Tor_reporting_another_address_than_the_keys_is_an_error()
    {
        using var key = FixedKey();
        using var other = FixedKey(9);
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var adding = client.AddOnionAsync(new OnionServiceRequest(key, [new OnionPortMapping(80, Local)]) { ProofOfWork = false }, TestContext.Current.CancellationToken);
        Assert.StartsWith("ADD_ONION ED25519-V3:", await tor.ReadLineAsync());
        await tor.SendAsync($"250-ServiceID={other.Address.ServiceId}\r\n250 OK\r\n");
        Assert.Equal("tor.onion.address_mismatch", (await adding.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Theory]
    [InlineData("250 OK\r\n")]
    [InlineData("250-ServiceID=notanaddress\r\n250 OK\r\n")]
    public async Task A_reply_without_a_valid_service_id_is_unexpected(string reply)
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var adding = client.AddOnionAsync(new OnionServiceRequest(null, [new OnionPortMapping(80, Local)]) { ProofOfWork = false }, TestContext.Current.CancellationToken);
        Assert.StartsWith("ADD_ONION NEW:ED25519-V3", await tor.ReadLineAsync());
        await tor.SendAsync(reply);
        Assert.Equal("tor.control.unexpected_reply", (await adding.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Publish_waits_for_every_upload_to_be_acknowledged()
    {
        using var key = FixedKey();
        var id = key.Address.ServiceId;
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var publishing = client.PublishOnionServiceAsync(new OnionServiceRequest(key, [new OnionPortMapping(80, Local)]) { ProofOfWork = false }, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS HS_DESC", "250 OK\r\n");
        Assert.StartsWith("ADD_ONION ", await tor.ReadLineAsync());
        await tor.SendAsync(
            $"250-ServiceID={id}\r\n250 OK\r\n" +
            $"650 HS_DESC UPLOAD {id} UNKNOWN $AA~r1 d1 HSDIR_INDEX=01\r\n" +
            $"650 HS_DESC UPLOAD {id} UNKNOWN $BB~r2 d1 HSDIR_INDEX=02\r\n" +
            $"650 HS_DESC UPLOADED {id} UNKNOWN $AA~r1\r\n");
        var probe = client.SendAsync("GETINFO version", TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version", "250-version=0.4.9.11\r\n250 OK\r\n");
        await probe.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.False(publishing.IsCompleted);
        await tor.SendAsync($"650 HS_DESC UPLOADED {id} UNKNOWN $BB~r2\r\n");
        await tor.ExpectAsync("SETEVENTS", "250 OK\r\n");
        var published = (await publishing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        Assert.Equal((key.Address, 2, 0), (published.Address, published.DescriptorsUploaded, published.DescriptorsFailed));
    }

    [Fact]
    public async Task Del_onion_sends_the_service_id()
    {
        using var key = FixedKey();
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var deleting = client.DelOnionAsync(key.Address, TestContext.Current.CancellationToken);
        await tor.ExpectAsync("DEL_ONION " + key.Address.ServiceId, "552 Unknown Onion Service id\r\n");
        Assert.Equal("tor.control.command_failed", (await deleting.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Take_ownership_and_socks_listeners_use_the_spec_commands()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var owning = client.TakeOwnershipAsync(TestContext.Current.CancellationToken);
        await tor.ExpectAsync("TAKEOWNERSHIP", "250 OK\r\n");
        Assert.True((await owning.WaitAsync(Patience, TestContext.Current.CancellationToken)).IsOk);
        var listeners = client.GetSocksListenersAsync(TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO net/listeners/socks", "250-net/listeners/socks=\"127.0.0.1:39051\" \"unix:/run/tor/socks\" \"[::1]:9050\"\r\n250 OK\r\n");
        Assert.Equal([IPEndPoint.Parse("127.0.0.1:39051"), IPEndPoint.Parse("[::1]:9050")], (await listeners.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Bootstrap_wait_follows_status_events_to_100_percent()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var seen = new List<int>();
        var waiting = client.WaitForBootstrapAsync(new SyncProgress(s => seen.Add(s.Progress)), TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS STATUS_CLIENT", "250 OK\r\n");
        await tor.ExpectAsync("GETINFO status/bootstrap-phase",
            "250-status/bootstrap-phase=NOTICE BOOTSTRAP PROGRESS=50 TAG=loading_descriptors SUMMARY=\"Loading\"\r\n250 OK\r\n");
        await tor.SendAsync(
            "650 STATUS_CLIENT NOTICE CIRCUIT_ESTABLISHED\r\n" +
            "650 STATUS_CLIENT NOTICE BOOTSTRAP PROGRESS=75 TAG=enough_dirinfo SUMMARY=\"x\"\r\n" +
            "650 STATUS_CLIENT NOTICE BOOTSTRAP PROGRESS=100 TAG=done SUMMARY=\"Done\"\r\n");
        await tor.ExpectAsync("SETEVENTS", "250 OK\r\n");
        Assert.True((await waiting.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.IsDone);
        Assert.Equal([50, 75, 100], seen);
    }

    private sealed class SyncProgress(Action<BootstrapStatus> report) : IProgress<BootstrapStatus>
    {
        public void Report(BootstrapStatus value) => report(value);
    }
}
