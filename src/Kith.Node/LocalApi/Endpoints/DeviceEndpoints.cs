using Kith.Api;
using Kith.Api.Devices;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>
/// <c>POST /v1/devices/revoke</c>: revokes one of this account's devices through the messenger (the revocation and
/// its copies for every other device commit in one step); 503 without a messenger, since a revocation nobody hears
/// of would only cut this device off.
/// </summary>
internal static class DeviceEndpoints
{
    public static void Map(WebApplication app, NodeServices services) =>
        app.MapPost(ApiRoutes.DeviceRevoke, async (HttpRequest request) =>
        {
            if (services.Messenger is not { } messenger)
            {
                return ApiResults.Error(NodeErrors.NoMessenger);
            }

            if (!(await ApiResults.ReadBody(request, ApiJson.Default.RevokeDeviceRequest)).TryGet(out RevokeDeviceRequest? body, out KithError? error))
            {
                return ApiResults.Error(error);
            }

            return ApiResults.From(services.Devices.Revoke(messenger, body.DeviceId ?? ""), ApiJson.Default.DeviceView);
        });
}
