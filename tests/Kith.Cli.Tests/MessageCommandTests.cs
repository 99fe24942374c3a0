namespace Kith.Cli.Tests;

public sealed class MessageCommandTests
{
    [Fact]
    public async Task Send_without_the_delivery_engine_fails_with_one_sentence()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 80);

        CliRun run = await CliRun.Of("send", "bob", "hi", "--data", alice.Folder);

        run.AssertOneSentenceFailure();
        Assert.Contains("not connected to the delivery engine", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_queues_the_message_and_chat_shows_it_with_its_delivery_state()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 81);
        await using CliNode bob = await CliNode.StartAsync("Bob", 82);
        string card = (await CliRun.Of("id", "--json", "--data", bob.Folder)).Out;
        string link = System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("link").GetString()!;
        Assert.Equal(0, (await CliRun.Of("contact", "add", link, "--data", alice.Folder)).ExitCode);
        await using WiredApi wired = await WiredApi.StartAsync(alice);

        CliRun sent = await CliRun.Of("send", "bob", "hello", "there", "--data", wired.Folder);
        Assert.Equal((0, "Sent: queued.\n", ""), (sent.ExitCode, sent.Out, sent.Error));

        CliRun typed = await Chat(wired.Folder, "bob", "second line\n\n");
        Assert.Equal(0, typed.ExitCode);
        Assert.StartsWith("Chat with Bob (unvalidated).", typed.Out, StringComparison.Ordinal);
        Assert.Contains(" me: hello there  [queued]\n", typed.Out, StringComparison.Ordinal);

        CliRun again = await Chat(wired.Folder, "Bob", "");
        string[] lines = again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["me: hello there  [queued]", "me: second line  [queued]"], lines[^2..].Select(line => line[9..]));
        // Each line starts with its message's short id: what kith delete takes.
        Assert.All(lines[^2..], line => Assert.Matches("^[0-9a-f]{8} ", line));
    }

    [Fact]
    public async Task Chat_with_an_unknown_contact_fails_with_one_sentence()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 83);
        await using WiredApi wired = await WiredApi.StartAsync(alice);

        CliRun run = await Chat(wired.Folder, "nobody", "");

        run.AssertOneSentenceFailure();
    }

    internal static async Task<CliRun> Chat(string folder, string contact, string typed)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(typed);
        int code = await CliApp.RunAsync(["chat", contact, "--data", folder], new CliIo(output, error, interactive: false, input),
            TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
