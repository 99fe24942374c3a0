using Kith.Api;
using Kith.Api.Messages;
using Kith.Node.Services;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>
/// Sending, reading a chat and deleting (issue 5), over <see cref="NodeServices.Messenger"/>. Without a messenger
/// each answers 503 with <see cref="NodeErrors.NoMessenger"/>: the route exists, the node just cannot deliver now.
/// </summary>
internal static class MessageEndpoints
{
    public static void Map(WebApplication app, NodeServices services)
    {
        app.MapPost(ApiRoutes.Send, async (HttpRequest request) =>
        {
            if (!Messages(services).TryGet(out MessageService? messages, out KithError? error)
                || !(await ApiResults.ReadBody(request, ApiJson.Default.SendRequest)).TryGet(out SendRequest? body, out error))
            {
                return ApiResults.Error(error);
            }

            return ApiResults.From(messages.Send(body.Contact ?? "", body.Text ?? ""), ApiJson.Default.MessageView);
        });

        app.MapGet(ApiRoutes.Chat, (string contact) =>
            Messages(services).TryGet(out MessageService? messages, out KithError? error)
                ? ApiResults.From(messages.Chat(contact), ApiJson.Default.ChatView)
                : ApiResults.Error(error));

        app.MapPost(ApiRoutes.Delete, async (HttpRequest request) =>
        {
            if (!Messages(services).TryGet(out MessageService? messages, out KithError? error)
                || !(await ApiResults.ReadBody(request, ApiJson.Default.DeleteRequest)).TryGet(out DeleteRequest? body, out error))
            {
                return ApiResults.Error(error);
            }

            return messages.Delete(body).TryGet(out Unit _, out error) ? Results.NoContent() : ApiResults.Error(error);
        });

        app.MapPost(ApiRoutes.DeleteChat, (string contact) =>
            !Messages(services).TryGet(out MessageService? messages, out KithError? error)
                || !messages.DeleteChat(contact).TryGet(out Unit _, out error)
                ? ApiResults.Error(error)
                : Results.NoContent());
    }

    private static Result<MessageService> Messages(NodeServices services) =>
        services.Messenger is { } messenger ? new MessageService(services.Contacts, messenger) : NodeErrors.NoMessenger;
}
