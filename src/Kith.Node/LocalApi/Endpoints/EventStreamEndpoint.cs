using System.Text.Json;
using Kith.Api;
using Kith.Api.Events;
using Kith.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi.Endpoints;

/// <summary>
/// <c>GET /v1/events</c>: server-sent events (WHATWG HTML §9.2, <c>text/event-stream</c>). The reader subscribes
/// before the headers are flushed, so once a client sees the response start it misses no later event.
/// </summary>
internal static class EventStreamEndpoint
{
    public static void Map(WebApplication app, EventHub events)
    {
        app.MapGet(ApiRoutes.Events, async (HttpContext context) =>
        {
            using EventReader? reader = events.Subscribe();
            if (reader is null)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.Response.WriteAsJsonAsync(new Api.Errors.ApiError("api.too_many_streams",
                    $"At most {Limits.ApiMaxEventStreams} event streams may be open at once."), ApiJson.Default.ApiError);
                return;
            }

            CancellationToken aborted = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(": kith event stream\n\n", aborted);
            await context.Response.Body.FlushAsync(aborted);
            try
            {
                await foreach (NodeEvent item in reader.ReadAllAsync(aborted))
                {
                    string data = JsonSerializer.Serialize(item, ApiJson.Default.NodeEvent);
                    await context.Response.WriteAsync($"id: {item.Sequence}\nevent: {item.Type}\ndata: {data}\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went away.
            }
        });
    }
}
