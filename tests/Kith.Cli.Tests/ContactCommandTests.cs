using System.Text.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Identity;

namespace Kith.Cli.Tests;

public sealed class ContactCommandTests
{
    [Fact]
    public async Task Id_then_contact_add_then_contacts_shows_the_new_unvalidated_contact()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 100);
        await using CliNode bob = await CliNode.StartAsync("Bob", 101);

        CliRun id = await CliRun.Of("id", "--data", bob.Folder);
        Assert.Equal(0, id.ExitCode);
        string card = id.Out.Split('\n').Single(line => line.StartsWith("KITH-", StringComparison.Ordinal));
        Assert.Contains("kith:", id.Out, StringComparison.Ordinal);
        Assert.Contains("█", id.Out, StringComparison.Ordinal);

        CliRun added = await CliRun.Of("contact", "add", card, "--data", alice.Folder);
        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith("Added Bob (unvalidated).", added.Out, StringComparison.Ordinal);

        CliRun listed = await CliRun.Of("contacts", "--data", alice.Folder);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("Bob", listed.Out, StringComparison.Ordinal);
        Assert.Contains("unvalidated", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_pasted_in_pieces_is_one_card()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 102);
        await using CliNode bob = await CliNode.StartAsync("Bob", 103);
        IdentityCard card = JsonSerializer.Deserialize((await CliRun.Of("id", "--json", "--data", bob.Folder)).Out, ApiJson.Default.IdentityCard)!;
        string link = card.Link;

        CliRun added = await CliRun.Of("contact", "add", link[..40], link[40..], "--data", alice.Folder);

        Assert.Equal(0, added.ExitCode);
    }

    [Theory]
    [InlineData("not-a-card")]
    [InlineData("KITH-00000000")]
    [InlineData("kith:!!!")]
    public async Task A_malformed_card_is_one_sentence_a_non_zero_exit_and_no_change(string card)
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 104);

        CliRun added = await CliRun.Of("contact", "add", card, "--data", alice.Folder);

        added.AssertOneSentenceFailure();
        CliRun listed = await CliRun.Of("contacts", "--json", "--data", alice.Folder);
        Assert.Empty(JsonSerializer.Deserialize(listed.Out, ApiJson.Default.IReadOnlyListContactView)!);
    }

    [Fact]
    public async Task Json_output_parses_as_the_api_types()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 105);
        await using CliNode bob = await CliNode.StartAsync("Bob", 106);
        IdentityCard card = JsonSerializer.Deserialize((await CliRun.Of("id", "--json", "--data", bob.Folder)).Out, ApiJson.Default.IdentityCard)!;
        Assert.Equal("Bob", card.DisplayName);

        CliRun added = await CliRun.Of("contact", "add", card.Text, "--json", "--data", alice.Folder);
        ContactView view = JsonSerializer.Deserialize(added.Out, ApiJson.Default.ContactView)!;
        Assert.Equal(card.AccountId, view.AccountId);

        using JsonDocument contacts = JsonDocument.Parse((await CliRun.Of("contacts", "--json", "--data", alice.Folder)).Out);
        Assert.Equal("Unvalidated", contacts.RootElement[0].GetProperty("trust").GetString());

        using JsonDocument status = JsonDocument.Parse((await CliRun.Of("status", "--json", "--data", alice.Folder)).Out);
        Assert.Equal("Direct", status.RootElement.GetProperty("mode").GetString());
        Assert.False(status.RootElement.GetProperty("anonymous").GetBoolean());
    }
}
