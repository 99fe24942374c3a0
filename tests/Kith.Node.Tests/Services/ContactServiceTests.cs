using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Errors;
using Kith.Api.Identity;
using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.Services;

public sealed class ContactServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_card_adds_an_unvalidated_contact_that_verify_validates()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 30);
        await using TestNode bob = await TestNode.StartAsync("Bob", 31);
        IdentityCard card = (await bob.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;

        ContactView added = await Post(alice, ApiRoutes.Contacts, new AddContactRequest(card.Link));
        Assert.Equal(TrustLevel.Unvalidated, added.Trust);

        string route = ApiRoutes.ForContact(ApiRoutes.Verify, "bob");
        SafetyNumberView number = (await alice.Http.GetFromJsonAsync(route, ApiJson.Default.SafetyNumberView, Token))!;
        IdentityCard aliceCard = (await alice.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        await Post(bob, ApiRoutes.Contacts, new AddContactRequest(aliceCard.Text));
        SafetyNumberView theirs = (await bob.Http.GetFromJsonAsync(ApiRoutes.ForContact(ApiRoutes.Verify, "alice"), ApiJson.Default.SafetyNumberView, Token))!;
        Assert.Equal(number.Digits, theirs.Digits);
        Assert.Equal(60, number.Digits.Count(char.IsAsciiDigit));

        using HttpResponseMessage validated = await alice.Http.PostAsJsonAsync(route, new VerifyRequest(VerifyDecision.Validated),
            ApiJson.Default.VerifyRequest, Token);
        Assert.Equal(TrustLevel.Validated, (await validated.Content.ReadFromJsonAsync(ApiJson.Default.ContactView, Token))!.Trust);

        using HttpResponseMessage compromised = await alice.Http.PostAsJsonAsync(ApiRoutes.ForContact(ApiRoutes.Verify, added.AccountId[..8]),
            new VerifyRequest(VerifyDecision.Compromised), ApiJson.Default.VerifyRequest, Token);
        ContactView marked = (await compromised.Content.ReadFromJsonAsync(ApiJson.Default.ContactView, Token))!;
        Assert.Equal(TrustLevel.Compromised, marked.Trust);
        Assert.Equal(CompromiseKind.MarkedByUser, marked.CompromiseReason);
    }

    [Theory]
    [InlineData("hello", "card.not_a_card")]
    [InlineData("KITH-ZZZZ", "card.truncated")]
    [InlineData("", "card.not_a_card")]
    public async Task A_malformed_card_is_refused_with_one_sentence_and_changes_nothing(string text, string code)
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 32);

        using HttpResponseMessage response = await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(text),
            ApiJson.Default.AddContactRequest, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ApiError error = (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!;
        Assert.Equal(code, error.Code);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.Empty((await alice.Http.GetFromJsonAsync(ApiRoutes.Contacts, ApiJson.Default.IReadOnlyListContactView, Token))!);
    }

    [Fact]
    public async Task A_card_with_a_flipped_character_is_refused_by_its_checksum()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 33);
        await using TestNode bob = await TestNode.StartAsync("Bob", 34);
        string text = (await bob.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!.Text;
        int middle = text.Length / 2;
        string flipped = text[..middle] + (text[middle] == '0' ? '1' : '0') + text[(middle + 1)..];

        using HttpResponseMessage response = await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(flipped),
            ApiJson.Default.AddContactRequest, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("card.bad_checksum", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
        Assert.Empty((await alice.Http.GetFromJsonAsync(ApiRoutes.Contacts, ApiJson.Default.IReadOnlyListContactView, Token))!);
    }

    [Fact]
    public async Task The_accounts_own_card_is_refused()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 35);
        IdentityCard own = (await alice.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;

        using HttpResponseMessage response = await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(own.Text),
            ApiJson.Default.AddContactRequest, Token);

        Assert.Equal("node.own_card", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
        Assert.Empty((await alice.Http.GetFromJsonAsync(ApiRoutes.Contacts, ApiJson.Default.IReadOnlyListContactView, Token))!);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_a_sentence()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 36);
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await alice.Http.PostAsync(ApiRoutes.Contacts, content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("node.bad_request", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
    }

    [Fact]
    public async Task Verifying_an_unknown_contact_is_a_404_with_a_sentence()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 37);

        using HttpResponseMessage response = await alice.Http.GetAsync(ApiRoutes.ForContact(ApiRoutes.Verify, "nobody"), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("node.unknown_contact", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
    }

    private static async Task<ContactView> Post(TestNode node, string route, AddContactRequest body)
    {
        using HttpResponseMessage response = await node.Http.PostAsJsonAsync(route, body, ApiJson.Default.AddContactRequest, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.ContactView, Token))!;
    }
}
