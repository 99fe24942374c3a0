using Kith.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi;

/// <summary>
/// The checks every request passes before an endpoint sees it:
/// <list type="number">
/// <item>Host is <c>127.0.0.1:port</c> or <c>localhost:port</c>. A page on another site can make the browser resolve
/// its own name to 127.0.0.1 (DNS rebinding); the browser then still sends that name as Host, so it is refused.</item>
/// <item>Origin, when present, is this node's own origin: a cross-site page's fetch carries its origin.</item>
/// <item>The bearer token matches (<see cref="ApiToken"/>): loopback is reachable by every local user.</item>
/// </list>
/// Host and Origin come first so a foreign page learns nothing, not even whether its token guess was wrong.
/// </summary>
internal sealed class LocalRequestGuard(ApiToken token, Func<int> port)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        string[] allowedHosts = [$"127.0.0.1:{port()}", $"localhost:{port()}"];
        string host = context.Request.Host.Value ?? "";
        if (!allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "api.foreign_host", "This API answers only requests addressed to 127.0.0.1 or localhost.");
            return;
        }

        string? origin = context.Request.Headers.Origin;
        if (origin is not null && !allowedHosts.Any(h => string.Equals(origin, "http://" + h, StringComparison.OrdinalIgnoreCase)))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "api.foreign_origin", "This API refuses requests from other web sites.");
            return;
        }

        if (!token.Matches(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Refuse(context, StatusCodes.Status401Unauthorized, "api.bad_token", "The API token is missing or wrong: the node writes it to api.json in its data folder.");
            return;
        }

        await next(context);
    }

    private static Task Refuse(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(code, message), Api.ApiJson.Default.ApiError);
    }
}
