using Kith.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary><c>GET /v1/status</c>, <c>GET /v1/id</c> and <c>GET /v1/devices</c>: what this node is.</summary>
internal static class StatusEndpoints
{
    public static void Map(WebApplication app, NodeServices services)
    {
        app.MapGet(ApiRoutes.Status, () => TypedResults.Json(services.Status.Current, ApiJson.Default.NodeStatus));
        app.MapGet(ApiRoutes.Identity, () => TypedResults.Json(services.Identity.Card(), ApiJson.Default.IdentityCard));
        app.MapGet(ApiRoutes.Devices, () => TypedResults.Json(services.Devices.List(), ApiJson.Default.IReadOnlyListDeviceView));
    }
}
