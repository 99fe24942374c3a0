using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kith.Api.Errors;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Http;

namespace Kith.Node.LocalApi;

/// <summary>Turns <see cref="Result{T}"/> into HTTP: the value as JSON, or an <see cref="ApiError"/> with the error's one sentence.</summary>
internal static class ApiResults
{
    public static IResult From<T>(Result<T> result, JsonTypeInfo<T> type) =>
        result.TryGet(out T? value, out KithError? error) ? TypedResults.Json(value, type) : Error(error);

    public static IResult Error(KithError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int status = error.Code switch
        {
            "node.unknown_contact" or "trust.unknown_contact" or "node.unknown_device" => StatusCodes.Status404NotFound,
            "node.not_served_yet" => StatusCodes.Status501NotImplemented,
            "node.no_messenger" => StatusCodes.Status503ServiceUnavailable,
            "messenger.unknown_contact" or "messenger.unknown_conversation" => StatusCodes.Status404NotFound,
            _ when error.Scope is ErrorScope.Input or ErrorScope.Peer => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        return TypedResults.Json(new ApiError(error.Code, error.Detail), Api.ApiJson.Default.ApiError, statusCode: status);
    }

    /// <summary>
    /// Reads a JSON body. Malformed JSON, a wrong shape or a missing body become <see cref="NodeErrors.BadRequest"/>:
    /// the framework's binder would answer with an empty 400, and every refusal here says why in one sentence.
    /// </summary>
    public static async Task<Result<T>> ReadBody<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            T? body = await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
            return body is null ? NodeErrors.BadRequest : body;
        }
        catch (JsonException)
        {
            return NodeErrors.BadRequest;
        }
        catch (BadHttpRequestException)
        {
            return NodeErrors.BadRequest;
        }
    }
}
