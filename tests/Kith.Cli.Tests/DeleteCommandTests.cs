namespace Kith.Cli.Tests;

public sealed class DeleteCommandTests
{
    [Fact]
    public async Task Delete_by_the_short_id_chat_shows_removes_that_message_only()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 90);
        await using CliNode bob = await CliNode.StartAsync("Bob", 91);
        await AddContact(alice, bob);
        await using WiredApi wired = await WiredApi.StartAsync(alice);
        Assert.Equal(0, (await CliRun.Of("send", "bob", "keep me", "--data", wired.Folder)).ExitCode);
        Assert.Equal(0, (await CliRun.Of("send", "bob", "delete me", "--data", wired.Folder)).ExitCode);
        string doomed = ShortIdOf((await MessageCommandTests.Chat(wired.Folder, "bob", "")).Out, "delete me");

        CliRun run = await CliRun.Of("delete", "bob", doomed, "--data", wired.Folder);

        Assert.Equal((0, $"Deleted message {doomed} on your devices; Bob keeps their copy.\n", ""), (run.ExitCode, run.Out, run.Error));
        string after = (await MessageCommandTests.Chat(wired.Folder, "bob", "")).Out;
        Assert.Contains("me: keep me", after, StringComparison.Ordinal);
        Assert.DoesNotContain("delete me", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_all_empties_the_chat()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 92);
        await using CliNode bob = await CliNode.StartAsync("Bob", 93);
        await AddContact(alice, bob);
        await using WiredApi wired = await WiredApi.StartAsync(alice);
        Assert.Equal(0, (await CliRun.Of("send", "bob", "one", "--data", wired.Folder)).ExitCode);
        Assert.Equal(0, (await CliRun.Of("send", "bob", "two", "--data", wired.Folder)).ExitCode);

        CliRun run = await CliRun.Of("delete", "Bob", "--all", "--data", wired.Folder);

        Assert.Equal((0, "Deleted the chat with Bob on your devices; they keep their copy.\n", ""), (run.ExitCode, run.Out, run.Error));
        string after = (await MessageCommandTests.Chat(wired.Folder, "bob", "")).Out;
        Assert.Equal(["Chat with Bob (unvalidated). Type a line to send it; Ctrl-D ends."], after.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Every_refusal_is_one_sentence_a_non_zero_exit_and_deletes_nothing()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 94);
        await using CliNode bob = await CliNode.StartAsync("Bob", 95);
        await AddContact(alice, bob);
        await using WiredApi wired = await WiredApi.StartAsync(alice);
        Assert.Equal(0, (await CliRun.Of("send", "bob", "still here", "--data", wired.Folder)).ExitCode);
        string kept = ShortIdOf((await MessageCommandTests.Chat(wired.Folder, "bob", "")).Out, "still here");
        string other = kept[0] == '0' ? "1" + kept[1..] : "0" + kept[1..];

        foreach (string[] args in new[]
        {
            new[] { "delete", "bob" },
            ["delete", "bob", kept, "--all"],
            ["delete", "bob", "zz12345678"],
            ["delete", "bob", "1234"],
            ["delete", "bob", other],
            ["delete", "nobody", kept],
            ["delete", "nobody", "--all"],
        })
        {
            CliRun run = await CliRun.Of([.. args, "--data", wired.Folder]);
            run.AssertOneSentenceFailure();
        }

        Assert.Contains("me: still here", (await MessageCommandTests.Chat(wired.Folder, "bob", "")).Out, StringComparison.Ordinal);
        string none = Directory.CreateTempSubdirectory("kith-cli-none-").FullName;
        try
        {
            CliRun run = await CliRun.Of("delete", "bob", "--all", "--data", none);
            run.AssertOneSentenceFailure();
            Assert.Contains("kith node run", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(none, recursive: true);
        }
    }

    private static async Task AddContact(CliNode to, CliNode contact)
    {
        string card = (await CliRun.Of("id", "--json", "--data", contact.Folder)).Out;
        string link = System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("link").GetString()!;
        Assert.Equal(0, (await CliRun.Of("contact", "add", link, "--data", to.Folder)).ExitCode);
    }

    private static string ShortIdOf(string chat, string text) =>
        chat.Split('\n').Single(line => line.EndsWith($"me: {text}  [queued]", StringComparison.Ordinal))[..8];
}
