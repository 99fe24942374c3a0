using System.Diagnostics;
using System.Text;
using Kith.Crypto;
using Kith.Tor.Control;
using Kith.Tor.Onion;
using Kith.Tor.Hosting;
using Kith.Tor.Socks;
using Kith.Testing.Tor;
using Kith.Tor.Tests.Support;

namespace Kith.Tor.Tests.RealTor;

[Collection(PrivateTorNetworkCollection.Name)]
public sealed class RealTorTests(TorNetworkFixture network)
{
    private const int VirtualPort = 9735;

    private static CancellationToken Failure()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(PrivateTorNetwork.FailureTimeout);
        return source.Token;
    }

    private static OnionServiceKey DeviceKey(byte fill)
    {
        var seed = Enumerable.Repeat(fill, 32).ToArray();
        var publicKey = new byte[32];
        Ed25519.DerivePublicKey(seed, publicKey);
        return OnionServiceKey.FromEd25519Seed(seed, publicKey);
    }

    private static void Report(string text) => TestContext.Current.SendDiagnosticMessage(text);

    [Fact]
    public async Task Onion_published_with_a_device_key_on_A_is_reachable_from_B_through_socks()
    {
        var ct = Failure();
        Report($"network start (keys + 3 authorities + 2 relays + 2 clients at 100%): {network.StartTime.TotalSeconds:F2} s ({network.StartPhases})");
        await using var echo = new EchoListener();
        using var key = DeviceKey(0x11);

        var clock = Stopwatch.StartNew();
        var published = await network.ClientA.Control.PublishOnionServiceAsync(
            new OnionServiceRequest(key, [new OnionPortMapping(VirtualPort, echo.EndPoint)]), ct);
        Assert.True(published.IsOk, published.ToString() + published.Error);
        var uploadTime = clock.Elapsed;
        Assert.Equal(key.Address, published.Value.Address);
        Assert.True(published.Value.DescriptorsUploaded > 0);

        var connected = await Socks5Client.ConnectAsync(network.ClientB.SocksEndPoint, key.Address.HostName, VirtualPort,
            Socks5Credentials.ForIsolation("contact-a"), ct);
        Assert.True(connected.IsOk, connected.Error?.ToString());
        await using var stream = connected.Value;
        var message = Encoding.ASCII.GetBytes("hello over a private onion");
        await stream.WriteAsync(message, ct);
        var echoed = new byte[message.Length];
        await stream.ReadExactlyAsync(echoed, ct);
        Assert.Equal(message, echoed);
        Report($"ADD_ONION to all {published.Value.DescriptorsUploaded} uploads acknowledged: {uploadTime.TotalSeconds:F2} s; to first echoed bytes: {clock.Elapsed.TotalSeconds:F2} s");

        Assert.True((await network.ClientA.Control.DelOnionAsync(key.Address, ct)).IsOk);
    }

    [Fact]
    public async Task Connecting_to_an_onion_nobody_published_is_a_retryable_descriptor_not_found()
    {
        var ct = Failure();
        using var key = DeviceKey(0x22);
        var clock = Stopwatch.StartNew();
        var connected = await Socks5Client.ConnectAsync(network.ClientB.SocksEndPoint, key.Address.HostName, VirtualPort,
            Socks5Credentials.ForIsolation("contact-nobody"), ct);
        Assert.Equal("socks.onion_descriptor_not_found", connected.Error?.Code);
        Assert.True(connected.Error!.Retryable);
        Report($"0xF0 after {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task A_throwaway_onion_is_added_and_removed_and_tor_reports_its_state()
    {
        var ct = Failure();
        await using var echo = new EchoListener();
        var control = network.ClientA.Control;
        var version = await control.GetVersionAsync(ct);
        Assert.True(version.Value.IsAtLeast(TorVersion.AddOnionProofOfWork));
        Assert.True((await control.GetBootstrapStatusAsync(ct)).Value.IsDone);
        Assert.Contains(network.ClientA.SocksEndPoint, (await control.GetSocksListenersAsync(ct)).Value);

        var added = await control.AddOnionAsync(new OnionServiceRequest(null, [new OnionPortMapping(80, echo.EndPoint)]) { Detach = true }, ct);
        Assert.True(added.IsOk, added.Error?.ToString());
        Assert.True((await control.DelOnionAsync(added.Value.Address, ct)).IsOk);
        Assert.Equal("tor.control.command_failed", (await control.DelOnionAsync(added.Value.Address, ct)).Error?.Code);
    }

    [Fact]
    public async Task Existing_tor_is_reached_by_its_control_port_and_left_running()
    {
        var ct = Failure();
        var existing = await ExistingTor.ConnectAsync(network.ClientB.ControlEndPoint, null, ct);
        Assert.True(existing.IsOk, existing.Error?.ToString());
        await using (existing.Value)
        {
            Assert.Equal(network.ClientB.SocksEndPoint, existing.Value.SocksEndPoint);
            Assert.True((await existing.Value.Control.GetVersionAsync(ct)).IsOk);
        }

        Assert.True((await network.ClientB.Control.GetVersionAsync(ct)).IsOk);
    }

    [Fact]
    public async Task Tor_killed_under_supervision_is_restarted_and_stopped_exactly_on_dispose()
    {
        var ct = Failure();
        var started = await TorProcess.StartAsync(network.ClientOptions("clientC"), ct);
        Assert.True(started.IsOk, started.Error?.ToString());
        var tor = started.Value;
        int firstPid;
        int secondPid;
        await using (tor)
        {
            var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            tor.Restarted += (_, _) => restarted.TrySetResult();
            firstPid = tor.ProcessId;
            using (var victim = System.Diagnostics.Process.GetProcessById(firstPid))
            {
                victim.Kill();
            }

            await restarted.Task.WaitAsync(ct);
            secondPid = tor.ProcessId;
            Assert.NotEqual(firstPid, secondPid);
            Assert.Equal(1, tor.Restarts);
            Assert.True((await tor.WaitForBootstrapAsync(null, ct)).IsOk);
        }

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(secondPid));
    }
}
