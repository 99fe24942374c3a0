using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Api.Errors;

namespace Kith.Cli.Client;

/// <summary>
/// Talks to the running node over its local API: finds port and token in the data folder's
/// <see cref="ApiConnection.FileName"/>, sends the token as a bearer credential, and turns every refusal into the
/// node's one sentence.
/// </summary>
internal sealed class NodeClient : IDisposable
{
    private readonly HttpClient _http;

    private NodeClient(HttpClient http) => _http = http;

    /// <summary>A client for the node serving <paramref name="folder"/>, or why there is none.</summary>
    public static CliResult<NodeClient> Connect(string folder, HttpMessageHandler? handler = null)
    {
        string path = Path.Combine(folder, ApiConnection.FileName);
        ApiConnection? connection;
        try
        {
            connection = JsonSerializer.Deserialize(File.ReadAllText(path), ApiJson.Default.ApiConnection);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return CliFailure.NodeNotRunning(folder);
        }

        if (connection is null || connection.Port is <= 0 or > 65535)
        {
            return CliFailure.NodeNotRunning(folder);
        }

        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = connection.BaseAddress;
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ApiAuth.Scheme, connection.Token);
        return new NodeClient(http);
    }

    public Task<CliResult<T>> GetAsync<T>(string route, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(() => _http.GetAsync(route, cancellationToken), type, cancellationToken);

    public Task<CliResult<TOut>> PostAsync<TIn, TOut>(string route, TIn body, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        CancellationToken cancellationToken) =>
        SendAsync(() => _http.PostAsJsonAsync(route, body, input, cancellationToken), output, cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> (none when null) to a route that answers 204 No Content; <c>true</c> when it did.
    /// </summary>
    public async Task<CliResult<bool>> PostForNothingAsync<TIn>(string route, TIn? body, JsonTypeInfo<TIn> input, CancellationToken cancellationToken)
        where TIn : class
    {
        try
        {
            using HttpResponseMessage response = body is null
                ? await _http.PostAsync(route, null, cancellationToken)
                : await _http.PostAsJsonAsync(route, body, input, cancellationToken);
            return response.IsSuccessStatusCode ? true : await FailureOf(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return CliFailure.NodeUnreachable;
        }
    }

    /// <summary>Opens the live event stream; the caller reads server-sent events from the returned stream.</summary>
    public async Task<CliResult<Stream>> OpenEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            HttpResponseMessage response = await _http.GetAsync(ApiRoutes.Events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    return await FailureOf(response, cancellationToken);
                }
            }

            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return CliFailure.NodeUnreachable;
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<CliResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await send();
            if (!response.IsSuccessStatusCode)
            {
                return await FailureOf(response, cancellationToken);
            }

            T? value = await response.Content.ReadFromJsonAsync(type, cancellationToken);
            return value is null ? CliFailure.BadAnswer : value;
        }
        catch (HttpRequestException)
        {
            return CliFailure.NodeUnreachable;
        }
        catch (JsonException)
        {
            return CliFailure.BadAnswer;
        }
    }

    private static async Task<CliFailure> FailureOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            ApiError? error = await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, cancellationToken);
            return error is null ? CliFailure.BadAnswer : new CliFailure(error.Code, error.Message);
        }
        catch (JsonException)
        {
            return CliFailure.BadAnswer;
        }
    }
}
