using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Api.Messages;
using Kith.Api.Status;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// The local API of one running node, reached as any client does: port and bearer token from <c>DATA/api.json</c>
/// (written by the node with its own pid once its listener is bound).
/// </summary>
internal sealed class NodeApi : IDisposable
{
    private readonly HttpClient _http;

    private NodeApi(ApiConnection connection)
    {
        _http = new HttpClient { BaseAddress = connection.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        Port = connection.Port;
    }

    public int Port { get; }

    /// <summary>Waits until <paramref name="node"/> (that very process) has written its connection file.</summary>
    public static async Task<NodeApi> ConnectAsync(string folder, ChildProcess node, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ApiConnection.FileName);
        var connection = await Eventually.UntilAsync($"{node.Name} writes {path}", async token =>
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"{node.Name} exited with {node.ExitCode}:\n{node.Output}");
            }

            return File.Exists(path) ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, token), ApiJson.Default.ApiConnection) : null;
        }, c => c?.ProcessId == node.Id, cancellationToken);
        return new NodeApi(connection!);
    }

    public async Task<T> GetAsync<T>(string route, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(route, cancellationToken);
        await EnsureSuccess(response, route, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(type, cancellationToken))!;
    }

    public async Task<HttpResponseMessage> PostAsync<TRequest>(string route, TRequest body, JsonTypeInfo<TRequest> type, CancellationToken cancellationToken) =>
        await _http.PostAsync(route, JsonContent.Create(body, type), cancellationToken);

    public async Task<HttpResponseMessage> PostRawAsync(string route, HttpContent content, CancellationToken cancellationToken) =>
        await _http.PostAsync(route, content, cancellationToken);

    public async Task<string> GetTextAsync(string route, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(route, cancellationToken);
        await EnsureSuccess(response, route, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public Task<NodeStatus> StatusAsync(CancellationToken cancellationToken) => GetAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, cancellationToken);

    public Task<ChatView> ChatAsync(string contact, CancellationToken cancellationToken) =>
        GetAsync(ApiRoutes.ForContact(ApiRoutes.Chat, contact), ApiJson.Default.ChatView, cancellationToken);

    public async Task<MessageView> SendAsync(string contact, string text, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(ApiRoutes.Send, new SendRequest(contact, text), ApiJson.Default.SendRequest, cancellationToken);
        await EnsureSuccess(response, ApiRoutes.Send, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.MessageView, cancellationToken))!;
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureSuccess(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
