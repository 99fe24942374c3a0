using Kith.Api.Devices;
using Kith.Node.DeviceLinking;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Wire.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.DeviceLinking;

/// <summary>
/// Linking that survives drops (docs/ACCOUNTS.md, "Linking a device"): the existing device keeps dialling a new
/// device that is not reachable yet until the code expires, and a link that dropped after the add-device entry was
/// published but before the copies arrived is finished by linking again, without a second entry.
/// </summary>
public sealed class LinkRetryTests
{
    [Fact]
    public async Task Dials_that_fail_until_the_new_device_is_reachable_are_retried_and_linking_completes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new RecordingLogs();
        await using TestNode a1 = await Start("Alice", 90, time, logs);
        await using TestNode a2 = await StartUnlinked(91, time);
        string shown = (await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null))).Code!;
        await using TcpRelay relay = TcpRelay.Reserve(a2.Host.PeerEndPoint);
        string code = LinkCodes.Via(shown, relay.Port);

        // Nothing listens at the code's address yet: the dial is refused, and retried as virtual time passes.
        Assert.Equal(LinkState.Waiting, (await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(code))).State);
        await Linking.Until(() => logs.Lines.Count(line => line.Contains("failed", StringComparison.Ordinal)) >= 3, time);
        Assert.Equal(LinkState.Waiting, a1.Host.Linking.Progress().State);
        relay.Start();
        await Linking.Until(() => a1.Host.Linking.Progress().State != LinkState.Waiting, time);

        string digits = a1.Host.Linking.Progress().ConfirmationCode!;
        await Linking.Until(() => a2.Host.Linking.Progress().ConfirmationCode is not null);
        await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null, digits));
        await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(code, digits));
        await Linking.Until(() => a1.Host.Linking.Progress().State == LinkState.Linked && a2.Host.Device.IsLinked);
        Assert.Equal(a1.Host.Device.Account, a2.Host.Device.Account);

        // Each dial is logged, in order, and no line names the code or the address it points at.
        IReadOnlyList<string> lines = logs.Lines;
        int failed = lines.Count(line => line.Contains("failed", StringComparison.Ordinal));
        Assert.Equal([.. Enumerable.Range(1, failed + 1).Select(n => $"dial {n} ")], lines.Select(DialOf));
        Assert.Contains($"dial {failed + 1} reached", lines[^1], StringComparison.Ordinal);
        Assert.Contains("next dial in 1000 ms", lines[0], StringComparison.Ordinal);
        Assert.Contains("next dial in 2000 ms", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.Contains(code[9..29], StringComparison.Ordinal) || line.Contains($":{relay.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_that_drops_while_copying_is_finished_by_linking_again_without_a_second_entry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await Start("Alice", 92, time);
        await using TestNode bob = await Start("Bob", 93, time);
        AccountId bobAccount = await Linking.ChatBothWays(a1, bob, time);
        await using TestNode a2 = await StartUnlinked(94, time);
        string shown = (await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null))).Code!;
        await using TcpRelay relay = TcpRelay.Reserve(a2.Host.PeerEndPoint);
        relay.Start();
        string code = LinkCodes.Via(shown, relay.Port);
        (_, string digits) = await LinkThroughNodesTests.LinkUntilConfirming(a1, a2, code);

        // A1's person confirms first: its proposal reaches A2, which waits for its own person.
        long before = relay.ForwardedToTarget;
        await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(code, digits));
        await Linking.Until(() => relay.ForwardedToTarget > before);
        // From now on nothing A1 sends arrives: A2 co-signs, A1 publishes the entry, and its copies are lost.
        relay.SwallowToTarget();
        await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null, digits));
        await Linking.Until(() => a1.Host.Device.LoadAccountLog().Current().IsMember(a2.Host.Device.Device));
        relay.Cut();
        await Linking.Until(() => a1.Host.Linking.Progress().State == LinkState.Failed && a2.Host.Linking.Progress().State == LinkState.Failed);

        Assert.Equal(LinkSessionErrors.NotAdopted.Detail, a1.Host.Linking.Progress().Problem);
        Assert.Equal(LinkSessionErrors.CopyInterrupted.Detail, a2.Host.Linking.Progress().Problem);
        Assert.False(a2.Host.Device.IsLinked);
        int entries = a1.Host.Device.LoadAccountLog().Count;

        // The person shows a new code on A2 and enters it on A1, as both devices say: the same entry, the copies again.
        (string second, string again) = await LinkThroughNodesTests.LinkUntilConfirming(a1, a2);
        await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null, again));
        await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(second, again));
        await Linking.Until(() => a1.Host.Linking.Progress().State is LinkState.Linked or LinkState.Failed && a2.Host.Device.IsLinked);

        Assert.Equal(LinkState.Linked, a1.Host.Linking.Progress().State);
        Assert.Equal(a1.Host.Device.Account, a2.Host.Device.Account);
        Assert.Equal(entries, a1.Host.Device.LoadAccountLog().Count);
        Assert.Single(a1.Host.Device.LoadAccountLog().Entries, entry => entry.Kind == AccountEntryKind.AddDevice && entry.Subject == a2.Host.Device.Device);
        Assert.Equal(a1.Host.Device.LoadAccountLog().Heads, a2.Host.Device.LoadAccountLog().Heads);
        await Linking.Until(() => a2.Host.Messenger is not null);
        Assert.Equal(["hello Bob", "hello Alice"], Linking.Texts(a2.Host.Messenger!, bobAccount));
    }

    private static string DialOf(string line)
    {
        int start = line.IndexOf("dial ", StringComparison.Ordinal);
        return line[start..(line.IndexOf(' ', start + 5) + 1)];
    }

    private static async Task<TestNode> Start(string name, ulong seed, TimeProvider time, RecordingLogs? logs = null)
    {
        NodeOptions options = Linking.Options(seed, time, logs);
        return await TestNode.StartAsync(name, options, (device, links, _) => MessengerHandlers.Of(device, links, options));
    }

    private static async Task<TestNode> StartUnlinked(ulong seed, TimeProvider time)
    {
        NodeOptions options = Linking.Options(seed, time);
        return await TestNode.StartUnlinkedAsync(options, (device, links, _) => MessengerHandlers.Of(device, links, options));
    }

}
