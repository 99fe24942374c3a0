using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 1: Alice and Bob, each a <c>kith-node</c> process on its own tor of the private network,
/// exchange cards with <c>kith id --json</c> / <c>kith contact add</c> and chat both ways over onion services with
/// <c>kith send</c>, read back from <c>GET /v1/chats/{contact}</c>.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ChatOverOnionTests(IntegrationNetwork network)
{
    [Fact]
    public async Task Alice_and_Bob_chat_both_ways_over_onion_services()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var alice = await People.OnlineAsync(network, "chatAlice", "Alice", ct);
        await using var bob = await People.OnlineAsync(network, "chatBob", "Bob", ct);
        await People.ExchangeCardsAsync(alice, bob);

        var sent = (await alice.KithAsync("send", "Bob", "hello Bob, over tor")).EnsureSuccess();
        Assert.Contains("Sent:", sent.Output);
        await People.UntilShownAsync(bob, "Alice", ["hello Bob, over tor"], ct);
        (await bob.KithAsync("send", "Alice", "hello Alice")).EnsureSuccess();
        var atAlice = await People.UntilShownAsync(alice, "Bob", ["hello Bob, over tor", "hello Alice"], ct);

        Assert.Equal(["hello Bob, over tor", "hello Alice"], atAlice);
        Assert.Equal(atAlice, await People.TextsAsync(bob, "Alice", ct));
        await Eventually.UntilAsync("Alice's message is delivered to Bob", async token => (await alice.Api.ChatAsync("Bob", token)).Messages[0],
            People.Delivered, ct);
        var status = await alice.StatusAsync();
        Assert.True(status.Anonymous);
        Assert.EndsWith(".onion", status.OnionAddress);
    }
}
