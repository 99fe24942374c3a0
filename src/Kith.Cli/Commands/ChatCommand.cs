using System.CommandLine;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Events;
using Kith.Api.Messages;
using Kith.Cli.Client;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith chat &lt;contact&gt;</c>: prints the chat's latest messages, then follows the node's live stream
/// (<see cref="ApiRoutes.Events"/>) for new messages and delivery changes in this conversation, while each line
/// typed is sent. It ends when the input ends (Ctrl-D) or is cancelled (Ctrl-C).
/// </summary>
internal static class ChatCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var contact = new Argument<string>("contact") { Description = "The contact: a name, or 8 or more hex digits of its account id." };
        var chat = new Command("chat", "Chat with a contact: shows the latest messages and new ones as they come; a line typed is sent.") { contact };
        chat.SetAction((parse, cancellationToken) => RunAsync(global.Folder(parse), parse.GetValue(contact) ?? "", io, cancellationToken));
        return chat;
    }

    private static async Task<int> RunAsync(string folder, string contact, CliIo io, CancellationToken cancellationToken)
    {
        if (!NodeClient.Connect(folder).TryGet(out NodeClient? client, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        using (client)
        {
            // The stream opens before the history is read, so no message falls between the two; it is closed on every
            // path, or the node would keep serving a reader that is gone.
            if (!(await client.OpenEventsAsync(cancellationToken)).TryGet(out Stream? events, out failure))
            {
                return NodeCall.Fail(io, failure);
            }

            await using (events)
            {
                if (!(await client.GetAsync(ApiRoutes.ForContact(ApiRoutes.Chat, contact), ApiJson.Default.ChatView, cancellationToken))
                    .TryGet(out ChatView? view, out failure))
                {
                    return NodeCall.Fail(io, failure);
                }

                string name = ContactCommands.Name(view.Contact);
                io.Out.WriteLine($"Chat with {name} ({Words.Trust(view.Contact.Trust, view.Contact.CompromiseReason)}). Type a line to send it; Ctrl-D ends.");
                foreach (MessageView message in view.Messages)
                {
                    io.Out.WriteLine(Words.Line(message, name));
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Task following = FollowAsync(events, name, view.ConversationId, io, stop.Token);
                int code = 0;
                while (await io.In.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    if (!(await client.PostAsync(ApiRoutes.Send, new SendRequest(view.Contact.AccountId, line), ApiJson.Default.SendRequest,
                        ApiJson.Default.MessageView, cancellationToken)).TryGet(out _, out failure))
                    {
                        code = NodeCall.Fail(io, failure);
                        break;
                    }
                }

                await stop.CancelAsync();
                await following.ContinueWith(_ => { }, TaskScheduler.Default);
                return code;
            }
        }
    }

    /// <summary>Prints this conversation's messages and delivery changes from the live stream until cancelled.</summary>
    private static async Task FollowAsync(Stream events, string name, string conversation, CliIo io, CancellationToken cancellationToken)
    {
        SseParser<NodeEvent?> parser = SseParser.Create(events, (_, data) => Parse(data));
        await foreach (SseItem<NodeEvent?> item in parser.EnumerateAsync(cancellationToken))
        {
            switch (item.Data)
            {
                case MessageShown shown when shown.Message.ConversationId == conversation:
                    io.Out.WriteLine(Words.Line(shown.Message, name));
                    break;
                case DeliveryChanged changed when changed.ConversationId == conversation:
                    io.Out.WriteLine($"  message {Words.ShortId(changed.EventId)}: {Words.Delivery(changed.Delivery)}");
                    break;
            }
        }
    }

    private static NodeEvent? Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, ApiJson.Default.NodeEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
