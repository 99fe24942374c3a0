using System.Net;
using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 4: Alice revokes her second device with <c>kith devices revoke</c>; it receives nothing
/// sent afterwards, by Bob or by Alice, while Alice's first device and Bob keep chatting.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RevocationTests(IntegrationNetwork network)
{
    [Fact]
    public async Task A_revoked_device_receives_nothing_sent_afterwards_and_the_others_keep_chatting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a1 = await People.OnlineAsync(network, "revA1", "Alice", ct);
        await using var bob = await People.OnlineAsync(network, "revBob", "Bob", ct);
        await People.ExchangeCardsAsync(a1, bob);
        await using var a2 = await DeviceLinking.LinkNewAsync(network, a1, "revA2", ct);
        await MultiDeviceTests.UntilContactHasDevicesAsync(bob, "Alice", 2, ct);
        await bob.Api.SendAsync("Alice", "before the revocation", ct);
        await People.UntilShownAsync(a2, "Bob", ["before the revocation"], ct);

        var a2Id = (await a2.StatusAsync()).DeviceId;
        var revoked = await a1.KithAsync("devices", "revoke", a2Id[..16]);
        revoked.EnsureSuccess();
        Assert.DoesNotContain(a2Id, await DeviceLinking.DevicesAsync(a1, ct));
        await MultiDeviceTests.UntilContactHasDevicesAsync(bob, "Alice", 1, ct);

        await bob.Api.SendAsync("Alice", "after the revocation, from Bob", ct);
        await a1.Api.SendAsync("Bob", "after the revocation, from Alice", ct);
        await People.UntilShownAsync(a1, "Bob", ["after the revocation, from Bob"], ct);
        await People.UntilShownAsync(bob, "Alice", ["after the revocation, from Alice"], ct);
        // Settled: neither sender still has anything to deliver (to A2 or anyone), so what A2 holds now is final.
        foreach (var sender in new[] { a1, bob })
        {
            await Eventually.UntilAsync($"{sender.Name}'s outbox drains", async token => (await sender.Api.StatusAsync(token)).OutboxPending,
                pending => pending == 0, ct);
        }

        var atA2 = await TextsOrNothing(a2, ct);
        Assert.Contains("before the revocation", atA2);
        Assert.DoesNotContain("after the revocation, from Bob", atA2);
        Assert.DoesNotContain("after the revocation, from Alice", atA2);
    }

    /// <summary>A revoked device may refuse to show the chat at all; that is "nothing received" too.</summary>
    private static async Task<string[]> TextsOrNothing(KithDevice device, CancellationToken ct)
    {
        try
        {
            return await People.TextsAsync(device, "Bob", ct);
        }
        catch (HttpRequestException e) when (e.Message.Contains($"{(int)HttpStatusCode.BadRequest}", StringComparison.Ordinal))
        {
            return [];
        }
    }
}
