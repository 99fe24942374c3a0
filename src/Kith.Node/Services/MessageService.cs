using Kith.Api.Messages;
using Kith.Engine.Messaging;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Messaging;
using ApiDelivery = Kith.Api.Messages.DeliveryState;
using ApiMessage = Kith.Api.Messages.MessageView;
using EngineMessage = Kith.Engine.Messaging.MessageView;
using ProtocolDelivery = Kith.Protocol.Delivery.DeliveryState;

namespace Kith.Node.Services;

/// <summary>
/// The messaging endpoints over the <see cref="Messenger"/> (Messaging README, "What the node calls"): the contact
/// is resolved as everywhere else, then one messenger call does the work in one step; nothing here holds state.
/// </summary>
internal sealed class MessageService(ContactService contacts, Messenger messenger)
{
    /// <summary>How many messages a chat shows: one page (the API has no paging yet).</summary>
    public const int ChatLength = Limits.MaxMessagesPerPage;

    /// <summary>Sends <paramref name="text"/> to <paramref name="contact"/>; the answer is the message as the chat shows it.</summary>
    public Result<ApiMessage> Send(string contact, string text)
    {
        if (!contacts.Resolve(contact).TryGet(out (AccountId Account, Api.Contacts.ContactView View) found, out KithError? error))
        {
            return error;
        }

        if (!messenger.SendText(found.Account, text).TryGet(out EventId id, out error))
        {
            return error;
        }

        // The answer is the message as the chat shows it. A message just sent names every head this device had as
        // its parents, so it is nearly always the newest: one message is read and decrypted, not the chat's page
        // (the page only when something sorts after it).
        ConversationId conversation = messenger.ConversationWith(found.Account);
        string sent = id.ToString();
        if (!Latest(conversation, 1).TryGet(out IReadOnlyList<ApiMessage>? newest, out error))
        {
            return error;
        }

        return newest.Count == 1 && newest[0].EventId == sent
            ? newest[0]
            : Latest(conversation, ChatLength).Map(all => all.Last(m => m.EventId == sent));
    }

    /// <summary>The chat with <paramref name="contact"/>: its latest messages, oldest first.</summary>
    public Result<ChatView> Chat(string contact)
    {
        if (!contacts.Resolve(contact).TryGet(out (AccountId Account, Api.Contacts.ContactView View) found, out KithError? error))
        {
            return error;
        }

        ConversationId conversation = messenger.ConversationWith(found.Account);
        return Latest(conversation, ChatLength).Map(messages => new ChatView(found.View, conversation.ToString(), messages));
    }

    /// <summary>Deletes a message on all of this account's devices.</summary>
    public Result<Unit> Delete(DeleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryParseId(request.ConversationId, out byte[]? conversation) || !TryParseId(request.EventId, out byte[]? message))
        {
            return NodeErrors.BadId;
        }

        return messenger.DeleteMessage(ConversationId.FromBytes(conversation), EventId.FromBytes(message));
    }

    /// <summary>Deletes every message of the chat with <paramref name="contact"/> on all of this account's devices.</summary>
    public Result<Unit> DeleteChat(string contact)
    {
        if (!contacts.Resolve(contact).TryGet(out (AccountId Account, Api.Contacts.ContactView View) found, out KithError? error))
        {
            return error;
        }

        return messenger.DeleteConversation(messenger.ConversationWith(found.Account));
    }

    /// <summary>A message the messenger announced, as the live stream shows it (with its delivery state when it is this device's).</summary>
    public ApiMessage View(ConversationId conversation, Protocol.Messaging.ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProtocolDelivery? delivery = message.Message.Author == messenger.Local
            && messenger.Engine.StateOf(message.Message.Id).TryGet(out ProtocolDelivery state, out _) ? state : null;
        return Map(contacts.Directory(), conversation, new EngineMessage(message.Message, message.Content, delivery));
    }

    /// <summary>The API's form of the engine's delivery state.</summary>
    public static ApiDelivery Delivery(ProtocolDelivery state) => new(state.Status switch
    {
        Protocol.Delivery.DeliveryStatus.Seen => DeliveryStage.Seen,
        Protocol.Delivery.DeliveryStatus.Delivered => DeliveryStage.Delivered,
        _ => DeliveryStage.Queued,
    }, state.Delivered, state.Devices);

    private Result<IReadOnlyList<ApiMessage>> Latest(ConversationId conversation, int count)
    {
        NodeMessengerDirectory directory = contacts.Directory();
        return messenger.Latest(conversation, count).Map(views =>
            (IReadOnlyList<ApiMessage>)[.. views.Where(v => v.Content is TextContent).Select(v => Map(directory, conversation, v))]);
    }

    private static ApiMessage Map(NodeMessengerDirectory directory, ConversationId conversation, EngineMessage view)
    {
        AccountId? author = directory.AccountOf(view.Message.Author);
        string text = view.Content is TextContent t ? t.Text : "";
        return new ApiMessage(conversation.ToString(), view.Message.Id.ToString(), author?.ToString() ?? "",
            view.Message.Author.ToString(), author == directory.OwnAccount, view.Message.TimestampUnixMs, text,
            view.Delivery is { } d ? Delivery(d) : null);
    }

    private static bool TryParseId(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = hex is { Length: EventId.Size * 2 } && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex) : null;
        return bytes is not null;
    }
}
