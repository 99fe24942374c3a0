using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Identity;

namespace Kith.Node.Tests.Support;

/// <summary>What the peer-link tests share: virtual-time options, adding a card, and waiting on a condition.</summary>
internal static class Linking
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A test node's options on <paramref name="time"/>.</summary>
    public static NodeOptions Options(ulong seed, TimeProvider time) => new()
    {
        Random = TestNode.Options(seed).Random,
        Database = TestNode.Options(seed).Database,
        Time = time,
    };

    /// <summary><paramref name="to"/> adds <paramref name="whose"/>'s card (the link form, which carries its prekeys).</summary>
    public static async Task Add(TestNode to, TestNode whose)
    {
        IdentityCard card = (await whose.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        using HttpResponseMessage added = await to.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.Link),
            ApiJson.Default.AddContactRequest, Token);
        added.EnsureSuccessStatusCode();
    }

    /// <summary>Waits for a condition that real sockets make true, with a generous bound (no timing is measured).</summary>
    public static async Task Until(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
