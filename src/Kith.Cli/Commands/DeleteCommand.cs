using System.CommandLine;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Messages;
using Kith.Cli.Client;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith delete &lt;contact&gt; &lt;message&gt;</c> and <c>kith delete &lt;contact&gt; --all</c>: deletes one message, or the
/// whole chat, on all of this account's devices (the deletion travels in the account's own log; the contact keeps
/// their copy). A message is named by the id <c>kith chat</c> prints before it, or in full from <c>--json</c>.
/// </summary>
internal static class DeleteCommand
{
    /// <summary>Digits <c>kith chat</c> shows of a message id, and the fewest accepted (within one chat's page they are unique in practice; a clash is refused).</summary>
    public const int ShortId = 8;

    private const int FullId = 64;

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var contact = new Argument<string>("contact") { Description = "The contact: a name, or 8 or more hex digits of its account id." };
        var message = new Argument<string?>("message")
        {
            Description = "The message's id as `kith chat` shows it (8 hex digits or more; --json gives all 64).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var all = new Option<bool>("--all") { Description = "Delete the whole chat with the contact instead of one message." };
        var delete = new Command("delete", "Delete a message, or the whole chat, on all your devices; the contact keeps their copy.")
        {
            contact, message, all,
        };
        delete.SetAction((parse, cancellationToken) => RunAsync(global.Folder(parse), parse.GetValue(global.Json), parse.GetValue(contact) ?? "",
            parse.GetValue(message), parse.GetValue(all), io, cancellationToken));
        return delete;
    }

    private static async Task<int> RunAsync(string folder, bool json, string contact, string? message, bool all, CliIo io,
        CancellationToken cancellationToken)
    {
        if (all == message is not null)
        {
            return NodeCall.Fail(io, new CliFailure("cli.delete_what", "Name one message to delete, or pass --all to delete the whole chat."));
        }

        if (message is not null && (message.Length is < ShortId or > FullId || !message.All(char.IsAsciiHexDigit)))
        {
            return NodeCall.Fail(io, new CliFailure("cli.bad_message_id",
                $"A message id is {ShortId} to {FullId} hex digits, as `kith chat` shows it before each message."));
        }

        if (!NodeClient.Connect(folder).TryGet(out NodeClient? client, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        using (client)
        {
            if (!(await client.GetAsync(ApiRoutes.ForContact(ApiRoutes.Chat, contact), ApiJson.Default.ChatView, cancellationToken))
                .TryGet(out ChatView? chat, out failure))
            {
                return NodeCall.Fail(io, failure);
            }

            return message is null
                ? await DeleteChatAsync(client, chat, json, io, cancellationToken)
                : await DeleteMessageAsync(client, chat, message.ToLowerInvariant(), json, io, cancellationToken);
        }
    }

    private static async Task<int> DeleteChatAsync(NodeClient client, ChatView chat, bool json, CliIo io, CancellationToken cancellationToken)
    {
        // The contact's account id names it exactly, whatever the person typed.
        if (!(await client.PostForNothingAsync<DeleteRequest>(ApiRoutes.ForContact(ApiRoutes.DeleteChat, chat.Contact.AccountId), null,
            ApiJson.Default.DeleteRequest, cancellationToken)).TryGet(out _, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        io.Out.WriteLine(json
            ? JsonSerializer.Serialize(chat, ApiJson.Default.ChatView)
            : $"Deleted the chat with {ContactCommands.Name(chat.Contact)} on your devices; they keep their copy.");
        return 0;
    }

    private static async Task<int> DeleteMessageAsync(NodeClient client, ChatView chat, string id, bool json, CliIo io,
        CancellationToken cancellationToken)
    {
        MessageView[] matches = [.. chat.Messages.Where(m => m.EventId.StartsWith(id, StringComparison.Ordinal))];
        string name = ContactCommands.Name(chat.Contact);
        if (matches.Length > 1)
        {
            return NodeCall.Fail(io, new CliFailure("cli.ambiguous_message_id", $"{matches.Length} messages with {name} start with {id}: give more digits."));
        }

        // A full id may name a message older than the chat's page: the node deletes it all the same.
        string? eventId = matches.Length == 1 ? matches[0].EventId : id.Length == FullId ? id : null;
        if (eventId is null)
        {
            return NodeCall.Fail(io, new CliFailure("cli.unknown_message_id",
                $"No message in the chat with {name} has an id starting with {id}: `kith chat {name}` shows them."));
        }

        if (!(await client.PostForNothingAsync(ApiRoutes.Delete, new DeleteRequest(chat.ConversationId, eventId), ApiJson.Default.DeleteRequest,
            cancellationToken)).TryGet(out _, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        io.Out.WriteLine(json && matches.Length == 1
            ? JsonSerializer.Serialize(matches[0], ApiJson.Default.MessageView)
            : json ? JsonSerializer.Serialize(new DeleteRequest(chat.ConversationId, eventId), ApiJson.Default.DeleteRequest)
            : $"Deleted message {eventId[..ShortId]} on your devices; {name} keeps their copy.");
        return 0;
    }
}
