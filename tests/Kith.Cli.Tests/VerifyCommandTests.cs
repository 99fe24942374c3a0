using System.Text.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Identity;

namespace Kith.Cli.Tests;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_shows_the_safety_number_then_records_the_decision()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 110);
        await using CliNode bob = await CliNode.StartAsync("Bob", 111);
        IdentityCard card = JsonSerializer.Deserialize((await CliRun.Of("id", "--json", "--data", bob.Folder)).Out, ApiJson.Default.IdentityCard)!;
        Assert.Equal(0, (await CliRun.Of("contact", "add", card.Text, "--data", alice.Folder)).ExitCode);

        CliRun shown = await CliRun.Of("verify", "Bob", "--data", alice.Folder);
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(60, shown.Out.Split('\n').Where(l => l.Length > 0 && l.All(c => char.IsAsciiDigit(c) || c == ' ')).Sum(l => l.Count(char.IsAsciiDigit)));

        CliRun validated = await CliRun.Of("verify", card.AccountId[..12], "--validated", "--data", alice.Folder);
        Assert.Equal(0, validated.ExitCode);
        Assert.Equal("Bob is now validated.", validated.Out.Trim());

        ContactView[] contacts = [.. JsonSerializer.Deserialize((await CliRun.Of("contacts", "--json", "--data", alice.Folder)).Out, ApiJson.Default.IReadOnlyListContactView)!];
        Assert.Equal(TrustLevel.Validated, contacts.Single().Trust);
    }

    [Fact]
    public async Task An_unknown_contact_is_one_sentence_and_a_non_zero_exit()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 112);

        (await CliRun.Of("verify", "nobody", "--data", alice.Folder)).AssertOneSentenceFailure();
        (await CliRun.Of("verify", "nobody", "--compromised", "--data", alice.Folder)).AssertOneSentenceFailure();
    }

    [Fact]
    public async Task Both_decisions_at_once_is_a_usage_error()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 113);

        CliRun run = await CliRun.Of("verify", "bob", "--validated", "--compromised", "--data", alice.Folder);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }
}
