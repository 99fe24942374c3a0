using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Errors;
using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.LocalApi;

public sealed class LocalRequestGuardTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_with_the_token_is_served()
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 1);
        using HttpResponseMessage response = await node.Http.GetAsync(ApiRoutes.Status, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task A_missing_or_wrong_token_is_refused(string? authorization)
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 2);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Status);
        request.Headers.Authorization = null;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var bare = new HttpClient { BaseAddress = node.Http.BaseAddress };
        using HttpResponseMessage response = await bare.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api.bad_token", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
    }

    [Fact]
    public async Task A_token_with_one_character_changed_is_refused()
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 3);
        string token = node.Host.Api.Token.Value;
        string changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        using var bare = new HttpClient { BaseAddress = node.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Contacts);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + changed);

        using HttpResponseMessage response = await bare.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("127.0.0.1:1")]
    public async Task A_foreign_Host_is_refused_even_with_the_token(string host)
    {
        // DNS rebinding: the browser resolves the attacker's name to 127.0.0.1 but still sends that name as Host.
        await using TestNode node = await TestNode.StartAsync("Alice", 4);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Status);
        request.Headers.Host = host.Replace("{port}", node.Host.Api.Port.ToString(), StringComparison.Ordinal);

        using HttpResponseMessage response = await node.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("api.foreign_host", (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
    }

    [Fact]
    public async Task Host_localhost_with_the_port_is_served()
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 5);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Status);
        request.Headers.Host = $"localhost:{node.Host.Api.Port}";

        using HttpResponseMessage response = await node.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task A_foreign_Origin_is_refused_even_with_the_token(string origin)
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 6);
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Contacts)
        {
            Content = JsonContent.Create(new Api.Contacts.AddContactRequest("KITH-0"), ApiJson.Default.AddContactRequest),
        };
        request.Headers.TryAddWithoutValidation("Origin", origin);

        using HttpResponseMessage response = await node.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        ApiError error = (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!;
        Assert.Equal("api.foreign_origin", error.Code);
    }

    [Fact]
    public async Task The_nodes_own_Origin_is_served()
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 7);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Status);
        request.Headers.TryAddWithoutValidation("Origin", $"http://127.0.0.1:{node.Host.Api.Port}");

        using HttpResponseMessage response = await node.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
