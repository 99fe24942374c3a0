using System.Net;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Node.LocalApi.Endpoints;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kith.Node.LocalApi;

/// <summary>
/// The local API: Kestrel on a loopback address and a free port, minimal-API endpoints behind
/// <see cref="LocalRequestGuard"/>, and the connection file clients read (docs/ARCHITECTURE.md, Kith.Node).
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _folder;

    private ApiServer(WebApplication app, ApiToken token, int port, string? folder)
    {
        _app = app;
        Token = token;
        Port = port;
        _folder = folder;
    }

    /// <summary>The bound port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>This run's token.</summary>
    public ApiToken Token { get; }

    /// <summary>What a client needs to connect.</summary>
    public ApiConnection Connection => new(Port, Token.Value, Environment.ProcessId);

    /// <summary>
    /// Binds <paramref name="address"/> (loopback only, else <see cref="NodeErrors.NonLoopbackBind"/>) on a port the
    /// OS picks, serves <paramref name="services"/>, and, when <paramref name="folder"/> is given, writes the
    /// connection file there.
    /// </summary>
    public static async Task<Result<ApiServer>> StartAsync(IPAddress address, NodeServices services, ApiToken token, string? folder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(services);
        if (!IPAddress.IsLoopback(address))
        {
            return NodeErrors.NonLoopbackBind;
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Limits.ApiMaxRequestBodyBytes;
            kestrel.Listen(address, 0);
        });
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default));
        WebApplication app = builder.Build();

        int port = 0;
        var guard = new LocalRequestGuard(token, () => port);
        app.Use(guard.InvokeAsync);
        LinkEndpoints.GuardUnlinked(app, services);
        StatusEndpoints.Map(app, services);
        ContactEndpoints.Map(app, services);
        EventStreamEndpoint.Map(app, services.Events);
        MessageEndpoints.Map(app, services);
        LinkEndpoints.Map(app, services);
        DeviceEndpoints.Map(app, services);

        await app.StartAsync(cancellationToken);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        port = new Uri(bound).Port;
        var server = new ApiServer(app, token, port, folder);
        if (folder is not null)
        {
            ApiConnectionFile.Write(folder, server.Connection);
        }

        return server;
    }

    /// <summary>Stops serving (open event streams end) and removes the connection file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            ApiConnectionFile.Remove(_folder, Environment.ProcessId);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <inheritdoc/>
    public override string ToString() => $"ApiServer(127.0.0.1:{Port})";
}
