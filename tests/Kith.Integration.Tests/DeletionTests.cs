using Kith.Api;
using Kith.Api.Messages;
using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 5: deleting a message on one of Alice's devices (<c>POST /v1/messages/delete</c>) removes
/// it from all of Alice's devices; the rest of the chat stays.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeletionTests(IntegrationNetwork network)
{
    [Fact]
    public async Task A_message_deleted_on_A1_disappears_from_A2_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a1 = await People.OnlineAsync(network, "delA1", "Alice", ct);
        await using var bob = await People.OnlineAsync(network, "delBob", "Bob", ct);
        await People.ExchangeCardsAsync(a1, bob);
        await using var a2 = await DeviceLinking.LinkNewAsync(network, a1, "delA2", ct);
        await MultiDeviceTests.UntilContactHasDevicesAsync(bob, "Alice", 2, ct);
        await a1.Api.SendAsync("Bob", "keep me", ct);
        var doomed = await a1.Api.SendAsync("Bob", "delete me", ct);
        await People.UntilShownAsync(a2, "Bob", ["keep me", "delete me"], ct);

        using (var response = await a1.Api.PostAsync(ApiRoutes.Delete, new DeleteRequest(doomed.ConversationId, doomed.EventId),
            ApiJson.Default.DeleteRequest, ct))
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        foreach (var device in new[] { a1, a2 })
        {
            var shown = await Eventually.UntilAsync($"{device.Name} no longer shows the deleted message",
                token => People.TextsAsync(device, "Bob", token), texts => !texts.Contains("delete me"), ct);
            Assert.Equal(["keep me"], shown);
        }
    }
}
