using Kith.Api;
using Microsoft.AspNetCore.Builder;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>
/// Routes whose DTOs exist in Kith.Api but whose work is not done yet (linking a device; revoking is in
/// <see cref="DeviceEndpoints"/>): they answer 501 with a sentence, so a client learns "not yet" rather than "no such thing".
/// </summary>
internal static class LaterEndpoints
{
    public static void Map(WebApplication app)
    {
        foreach (string route in new[] { ApiRoutes.DeviceLink })
        {
            app.MapPost(route, () => ApiResults.Error(NodeErrors.NotServedYet));
        }
    }
}
