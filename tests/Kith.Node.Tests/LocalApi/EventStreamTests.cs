using System.Net.Http.Json;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Events;
using Kith.Api.Identity;
using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.LocalApi;

public sealed class EventStreamTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_a_contact_is_announced_on_the_event_stream()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 20);
        await using TestNode bob = await TestNode.StartAsync("Bob", 21);
        IdentityCard bobCard = (await bob.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;

        using HttpResponseMessage stream = await alice.Http.GetAsync(ApiRoutes.Events, HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Token));
        Assert.StartsWith(":", await reader.ReadLineAsync(Token));

        using HttpResponseMessage added = await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(bobCard.Text),
            ApiJson.Default.AddContactRequest, Token);
        added.EnsureSuccessStatusCode();

        string?[] lines = [await NextNonEmpty(reader), await reader.ReadLineAsync(Token), await reader.ReadLineAsync(Token)];
        Assert.Equal("id: 1", lines[0]);
        Assert.Equal("event: " + NodeEventTypes.Contact, lines[1]);
        var item = (ContactChanged)JsonSerializer.Deserialize(lines[2]!["data: ".Length..], ApiJson.Default.NodeEvent)!;
        Assert.Equal("Bob", item.Contact.DisplayName);
        Assert.Equal(bobCard.AccountId, item.Contact.AccountId);
    }

    private static async Task<string?> NextNonEmpty(StreamReader reader)
    {
        string? line;
        while ((line = await reader.ReadLineAsync(TestContext.Current.CancellationToken)) is { Length: 0 })
        {
        }

        return line;
    }
}
