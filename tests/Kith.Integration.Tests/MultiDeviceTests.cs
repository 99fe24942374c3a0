using Kith.Api;
using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 2, the mission's multi-device example: A1 online and Bob offline; Alice sends; B1 comes
/// online and gets it from A1; B2 comes online and gets it from A1 or B1; A1 goes offline and A2 comes online and
/// gets it from B1 or B2; every device shows the same order.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class MultiDeviceTests(IntegrationNetwork network)
{
    private static readonly string[] Earlier = ["hello Bob", "hello Alice"];
    private static readonly string[] WhileAway = ["while you were away 1", "while you were away 2"];

    [Fact]
    public async Task Messages_sent_while_Bob_is_offline_reach_every_device_of_both_in_one_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a1 = await People.OnlineAsync(network, "mdA1", "Alice", ct);
        await using var b1 = await People.OnlineAsync(network, "mdB1", "Bob", ct);
        await People.ExchangeCardsAsync(a1, b1);
        await using var a2 = await DeviceLinking.LinkNewAsync(network, a1, "mdA2", ct);
        await using var b2 = await DeviceLinking.LinkNewAsync(network, b1, "mdB2", ct);
        // Each side learns the other's second device from the account updates, before anyone goes offline.
        await UntilContactHasDevices(a1, "Bob", 2, ct);
        await UntilContactHasDevices(b1, "Alice", 2, ct);
        await a1.Api.SendAsync("Bob", Earlier[0], ct);
        await People.UntilShownAsync(b1, "Alice", [Earlier[0]], ct);
        await b1.Api.SendAsync("Alice", Earlier[1], ct);
        await People.UntilShownAsync(a1, "Bob", Earlier, ct);

        await b1.StopAsync();
        await b2.StopAsync();
        await a2.StopAsync();
        foreach (var text in WhileAway)
        {
            await a1.Api.SendAsync("Bob", text, ct);
        }

        string[] all = [.. Earlier, .. WhileAway];
        var atA1 = await People.TextsAsync(a1, "Bob", ct);
        Assert.Equal(all, atA1);

        await b1.StartAsync();
        var atB1 = await People.UntilShownAsync(b1, "Alice", all, ct);
        await b2.StartAsync();
        var atB2 = await People.UntilShownAsync(b2, "Alice", all, ct);
        await a1.StopAsync();
        await a2.StartAsync();
        var atA2 = await People.UntilShownAsync(a2, "Bob", all, ct);

        Assert.Equal(atA1, atB1);
        Assert.Equal(atA1, atB2);
        Assert.Equal(atA1, atA2);
    }

    private static Task UntilContactHasDevices(KithDevice device, string contact, int devices, CancellationToken ct) =>
        Eventually.UntilAsync($"{device.Name} knows {devices} devices of {contact}",
            async token => (await device.Api.GetAsync(ApiRoutes.Contacts, ApiJson.Default.IReadOnlyListContactView, token)).Single(c => c.DisplayName == contact).Devices,
            count => count == devices, ct);

    internal static Task UntilContactHasDevicesAsync(KithDevice device, string contact, int devices, CancellationToken ct) =>
        UntilContactHasDevices(device, contact, devices, ct);
}
