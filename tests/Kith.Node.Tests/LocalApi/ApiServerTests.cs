using System.Net;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Crypto;
using Kith.Node.LocalApi;
using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.LocalApi;

public sealed class ApiServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.0.2.10")]
    public async Task A_non_loopback_address_is_refused_before_anything_listens(string address)
    {
        await using TestNode node = await TestNode.StartAsync("Alice", 10);
        NodeServices services = node.Host.Api is null ? null! : Services(node);

        var started = await ApiServer.StartAsync(IPAddress.Parse(address), services, ApiToken.Generate(new SeededRandomSource(1)), null, Token);

        Assert.Equal("node.non_loopback_bind", started.Error!.Code);
    }

    [Fact]
    public async Task The_connection_file_is_owner_only_names_the_port_and_goes_when_the_node_stops()
    {
        TestNode node = await TestNode.StartAsync("Alice", 11);
        string path = Path.Combine(node.Folder, ApiConnection.FileName);
        try
        {
            ApiConnection connection = JsonSerializer.Deserialize(File.ReadAllText(path), ApiJson.Default.ApiConnection)!;
            Assert.Equal(node.Host.Api.Port, connection.Port);
            Assert.Equal(node.Host.Api.Token.Value, connection.Token);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            Assert.DoesNotContain(connection.Token, connection.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await node.Host.DisposeAsync();
        }

        Assert.False(File.Exists(path));
        Directory.Delete(node.Folder, recursive: true);
    }

    [Fact]
    public void Tokens_are_256_bits_and_never_printed()
    {
        var token = ApiToken.Generate(new SeededRandomSource(5));
        Assert.Equal(43, token.Value.Length);
        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(token.Value, ApiToken.Generate(new SeededRandomSource(6)).Value);
    }

    private static NodeServices Services(TestNode node) =>
        new(node.Host.Status, node.Host.Events, null!, null!, null!);
}
