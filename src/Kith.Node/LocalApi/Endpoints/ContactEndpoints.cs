using Kith.Api;
using Kith.Api.Contacts;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>The contact list, adding a card, and safety-number verification.</summary>
internal static class ContactEndpoints
{
    public static void Map(WebApplication app, NodeServices services)
    {
        app.MapGet(ApiRoutes.Contacts, () => TypedResults.Json(services.Contacts.List(), ApiJson.Default.IReadOnlyListContactView));

        app.MapPost(ApiRoutes.Contacts, async (HttpRequest request) =>
            (await ApiResults.ReadBody(request, ApiJson.Default.AddContactRequest)).TryGet(out AddContactRequest? body, out KithError? error)
                ? ApiResults.From(services.Contacts.Add(body.Card ?? ""), ApiJson.Default.ContactView)
                : ApiResults.Error(error));

        app.MapGet(ApiRoutes.Verify, (string contact) =>
            ApiResults.From(services.Contacts.SafetyNumber(contact), ApiJson.Default.SafetyNumberView));

        app.MapPost(ApiRoutes.Verify, async (string contact, HttpRequest request) =>
            (await ApiResults.ReadBody(request, ApiJson.Default.VerifyRequest)).TryGet(out VerifyRequest? body, out KithError? error)
                ? ApiResults.From(services.Contacts.Verify(contact, body), ApiJson.Default.ContactView)
                : ApiResults.Error(error));
    }
}
