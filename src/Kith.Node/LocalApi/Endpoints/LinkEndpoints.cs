using Kith.Api;
using Kith.Api.Devices;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary><c>POST /v1/devices/link</c> starts or confirms a device link; <c>GET</c> shows how far it got (<c>DeviceLinking/LinkService</c>).</summary>
internal static class LinkEndpoints
{
    /// <summary>
    /// A device waiting to be linked has no account, contacts or messages yet: every route but the status, the live
    /// stream and linking answers with one sentence saying how to link it.
    /// </summary>
    public static void GuardUnlinked(WebApplication app, NodeServices services) => app.Use(async (HttpContext context, RequestDelegate next) =>
    {
        string path = context.Request.Path.Value ?? "";
        if (services.IsLinked() || path is ApiRoutes.Status or ApiRoutes.Events or ApiRoutes.DeviceLink)
        {
            await next(context);
            return;
        }

        await ApiResults.Error(DeviceLinking.LinkSessionErrors.NotInAccount).ExecuteAsync(context);
    });

    public static void Map(WebApplication app, NodeServices services)
    {
        app.MapPost(ApiRoutes.DeviceLink, async (HttpRequest request) =>
        {
            if (services.Linking is not { } linking)
            {
                return ApiResults.Error(NodeErrors.NotServedYet);
            }

            return (await ApiResults.ReadBody(request, ApiJson.Default.LinkDeviceRequest)).TryGet(out LinkDeviceRequest? body, out KithError? error)
                ? ApiResults.From(linking.Post(body), ApiJson.Default.LinkDeviceProgress)
                : ApiResults.Error(error);
        });

        app.MapGet(ApiRoutes.DeviceLink, () => services.Linking is { } linking
            ? TypedResults.Json(linking.Progress(), ApiJson.Default.LinkDeviceProgress)
            : ApiResults.Error(NodeErrors.NotServedYet));
    }
}
