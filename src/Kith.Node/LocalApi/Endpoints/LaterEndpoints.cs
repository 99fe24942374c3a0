using Kith.Api;
using Microsoft.AspNetCore.Builder;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>
/// Routes whose DTOs exist in Kith.Api but whose work needs the engine (revoking devices): they answer 501 with a
/// sentence, so a client learns "not yet" rather than "no such thing".
/// </summary>
internal static class LaterEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(ApiRoutes.DeviceRevoke, () => ApiResults.Error(NodeErrors.NotServedYet));
    }
}
