using System.Text.Json;

namespace Kith.Cli.Tests.Processes;

/// <summary>
/// Issue 5, the CLI as a person uses it: two <c>kith-node run --direct</c> processes, each with its own data folder,
/// exchange cards with <c>kith id</c> / <c>kith contact add</c>; <c>kith send</c> and an interactive <c>kith chat</c>
/// (a real <c>kith</c> process whose standard input is typed into) carry messages both ways, and the chat shows the
/// other's message live and its own message's delivery.
/// </summary>
public sealed class TwoNodeProcessesTests
{
    [Fact]
    public async Task Alice_sends_with_kith_send_and_Bob_chats_back_in_kith_chat_which_shows_messages_and_delivery_live()
    {
        using NodeProcess alice = await NodeProcess.StartAsync("Alice");
        using NodeProcess bob = await NodeProcess.StartAsync("Bob");
        await AddEachOther(alice, bob);

        using ProgramProcess bobsChat = ProgramProcess.Start("kith", "chat", "Alice", "--data", bob.Folder);
        await bobsChat.WaitForOutputAsync("Chat with Alice (unvalidated).");

        CliRun sent = await SendAsync(alice, "Bob", "hello Bob");
        Assert.Equal(0, sent.ExitCode);
        Assert.Matches("^Sent: (queued|delivered \\(1 of 1\\))\\.\n$", sent.Out);
        await bobsChat.WaitForOutputAsync(" Alice: hello Bob\n");

        await bobsChat.TypeAsync("hello Alice");
        await bobsChat.WaitForOutputAsync(" me: hello Alice  [queued]\n");
        string reply = bobsChat.Out.Split('\n').Single(line => line.EndsWith(" me: hello Alice  [queued]", StringComparison.Ordinal))[..8];
        await bobsChat.WaitForOutputAsync($"  message {reply}: delivered (1 of 1)\n");
        bobsChat.CloseInput();
        Assert.Equal(0, await bobsChat.ExitAsync());

        // Alice's chat, read afterwards: both messages in order, hers delivered.
        CliRun history = await ProgramProcess.RunAsync("kith", "chat", "bob", "--data", alice.Folder);
        Assert.Equal(0, history.ExitCode);
        string[] lines = history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["me: hello Bob  [delivered (1 of 1)]", "Bob: hello Alice"], lines[^2..].Select(line => line[9..]));
    }

    private static async Task AddEachOther(NodeProcess alice, NodeProcess bob)
    {
        foreach ((NodeProcess to, NodeProcess whose) in new[] { (alice, bob), (bob, alice) })
        {
            CliRun card = await ProgramProcess.RunAsync("kith", "id", "--json", "--data", whose.Folder);
            Assert.True(card.ExitCode == 0, card.Error);
            string link = JsonDocument.Parse(card.Out).RootElement.GetProperty("link").GetString()!;
            CliRun added = await ProgramProcess.RunAsync("kith", "contact", "add", link, "--data", to.Folder);
            Assert.True(added.ExitCode == 0, added.Error);
        }
    }

    /// <summary>
    /// <c>kith send</c>. The node learns a new contact off the API's thread, so a send in the same instant as the
    /// contact add may not find the conversation yet; it is retried until the node knows it (bounded).
    /// </summary>
    private static async Task<CliRun> SendAsync(NodeProcess from, string to, string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            CliRun sent = await ProgramProcess.RunAsync("kith", "send", to, text, "--data", from.Folder);
            if (sent.ExitCode == 0 || waited.Elapsed > ProgramProcess.Patience || !sent.Error.Contains("no conversation", StringComparison.Ordinal))
            {
                return sent;
            }
        }
    }
}
