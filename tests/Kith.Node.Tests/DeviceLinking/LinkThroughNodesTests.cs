using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Devices;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.DeviceLinking;

/// <summary>
/// Issue 5, "kith devices link": Alice's second device (A2, made by <c>init --link</c>) is linked to her first (A1)
/// through the two nodes' APIs over a Noise link on loopback TCP (direct mode), then adopts her account, contacts and
/// the history of her chat with Bob.
/// </summary>
public sealed class LinkThroughNodesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A2_is_linked_to_A1_and_shows_the_earlier_chat_with_Bob()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await Start("Alice", 70, time);
        await using TestNode bob = await Start("Bob", 71, time);
        AccountId bobAccount = await Linking.ChatBothWays(a1, bob, time);

        await using TestNode a2 = await StartUnlinked(72, time);
        Assert.Equal(HttpStatusCode.BadRequest, (await a2.Http.GetAsync(ApiRoutes.Identity, Token)).StatusCode);
        (string code, string digits) = await LinkUntilConfirming(a1, a2);
        Assert.Equal(LinkState.Confirming, (await Progress(a2)).State);
        Assert.Equal(digits, (await Progress(a2)).ConfirmationCode);
        Assert.Equal(LinkState.Waiting, (await Post(a2, new LinkDeviceRequest(null, digits))).State);
        await Post(a1, new LinkDeviceRequest(code, digits));
        await Linking.Until(() => a1.Host.Linking.Progress().State != LinkState.Waiting && a1.Host.Linking.Progress().State != LinkState.Confirming);
        Assert.Equal(new LinkDeviceProgress(null, LinkState.Linked, null, digits, true), a1.Host.Linking.Progress());
        await Linking.Until(() => a2.Host.Linking.Progress().State == LinkState.Linked);

        Assert.Equal(a1.Host.Device.Account, a2.Host.Device.Account);
        Assert.Equal(await DeviceIds(a1), await DeviceIds(a2));
        Assert.Equal(2, (await DeviceIds(a1)).Count);
        await Linking.Until(() => a2.Host.Messenger is not null);
        Assert.Equal(["hello Bob", "hello Alice"], Linking.Texts(a2.Host.Messenger!, bobAccount));
    }

    private static async Task<TestNode> Start(string name, ulong seed, TimeProvider time)
    {
        NodeOptions options = Linking.Options(seed, time);
        return await TestNode.StartAsync(name, options, (device, links, _) => MessengerHandlers.Of(device, links, options));
    }

    private static async Task<TestNode> StartUnlinked(ulong seed, TimeProvider time)
    {
        NodeOptions options = Linking.Options(seed, time);
        return await TestNode.StartUnlinkedAsync(options, (device, links, _) => MessengerHandlers.Of(device, links, options));
    }

    /// <summary>
    /// A2 shows a code (unless <paramref name="code"/> is shown already), A1 enters it; both then show the same six
    /// digits. Returns the code used (tests run in parallel, so nothing is kept in a static) and the digits.
    /// </summary>
    internal static async Task<(string Code, string Digits)> LinkUntilConfirming(TestNode existing, TestNode newDevice, string? code = null)
    {
        if (code is null)
        {
            LinkDeviceProgress shown = await Post(newDevice, new LinkDeviceRequest(null));
            Assert.Equal(LinkState.Waiting, shown.State);
            code = shown.Code!;
        }

        Assert.StartsWith("KITHLINK-", code, StringComparison.Ordinal);
        await Post(existing, new LinkDeviceRequest(code));
        await Linking.Until(() => existing.Host.Linking.Progress().State != LinkState.Waiting);
        LinkDeviceProgress entered = existing.Host.Linking.Progress();
        Assert.Equal(LinkState.Confirming, entered.State);
        await Linking.Until(() => newDevice.Host.Linking.Progress().ConfirmationCode is not null);
        return (code, entered.ConfirmationCode!);
    }

    internal static async Task<LinkDeviceProgress> Post(TestNode node, LinkDeviceRequest request)
    {
        using HttpResponseMessage response = await node.Http.PostAsJsonAsync(ApiRoutes.DeviceLink, request, ApiJson.Default.LinkDeviceRequest, Token);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Token));
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.LinkDeviceProgress, Token))!;
    }

    internal static async Task<LinkDeviceProgress> Progress(TestNode node) =>
        (await node.Http.GetFromJsonAsync(ApiRoutes.DeviceLink, ApiJson.Default.LinkDeviceProgress, Token))!;

    private static async Task<List<string>> DeviceIds(TestNode node) =>
        [.. (await node.Http.GetFromJsonAsync(ApiRoutes.Devices, ApiJson.Default.IReadOnlyListDeviceView, Token))!
            .Where(d => !d.Revoked).Select(d => d.DeviceId).Order(StringComparer.Ordinal)];

}
