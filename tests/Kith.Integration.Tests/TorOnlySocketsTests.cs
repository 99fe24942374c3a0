using Kith.Integration.Tests.Sockets;
using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 6: in Tor mode a node opens no socket except to its tor's control and SOCKS ports and
/// its own loopback listeners. Each node's sockets (<c>/proc/PID/fd</c> inodes in <c>/proc/PID/net/*</c>) are read
/// repeatedly while Alice and Bob chat, so links being dialled, accepted and used are all seen.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TorOnlySocketsTests(IntegrationNetwork network)
{
    private const int Messages = 6;

    [Fact]
    public async Task While_chatting_a_node_talks_only_to_its_tor_and_its_own_listeners()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var alice = await People.OnlineAsync(network, "sockAlice", "Alice", ct);
        await using var bob = await People.OnlineAsync(network, "sockBob", "Bob", ct);
        await People.ExchangeCardsAsync(alice, bob);
        var seen = new List<(KithDevice Device, InetSocket Socket)>();
        var violations = new List<string>();
        void Inspect()
        {
            foreach (var device in new[] { alice, bob })
            {
                var sockets = ProcessSockets.Of(device.Node!.Id);
                seen.AddRange(sockets.Select(s => (device, s)));
                violations.AddRange(SocketPolicy.Violations(sockets, TorPorts(device)).Select(v => $"{device.Name}: {v}"));
            }
        }

        var texts = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            var (from, to, contact) = i % 2 == 0 ? (alice, bob, "Alice") : (bob, alice, "Bob");
            texts.Add($"message {i}");
            await from.Api.SendAsync(i % 2 == 0 ? "Bob" : "Alice", texts[^1], ct);
            Inspect();
            await Eventually.UntilAsync($"{to.Name} shows {texts[^1]}", async token =>
            {
                Inspect();
                return await People.TextsAsync(to, contact, token);
            }, shown => shown.Contains(texts[^1]), ct);
        }

        Assert.Empty(violations);
        // The inspection saw the node's real traffic, so an empty list above means something: both hold their tor's
        // control connection, and at least one dialled the other through its SOCKS port.
        foreach (var device in new[] { alice, bob })
        {
            Assert.Contains(seen, s => s.Device == device && s.Socket.Remote.Equals(device.Tor.ControlEndPoint));
        }

        Assert.Contains(seen, s => s.Socket.Remote.Equals(s.Device.Tor.SocksEndPoint));
    }

    private static HashSet<int> TorPorts(KithDevice device) => [device.Tor.ControlEndPoint.Port, device.Tor.SocksEndPoint.Port];
}
