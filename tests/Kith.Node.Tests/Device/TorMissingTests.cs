using Kith.Api.Connection;
using Kith.Node.Device;
using Kith.Node.Tests.Support;
using Kith.Node.Tor;

namespace Kith.Node.Tests.Device;

public sealed class TorMissingTests
{
    [Fact]
    public async Task Without_tor_the_node_says_how_to_install_it_and_leaves_nothing_running()
    {
        string folder = TestNode.NewFolder();
        try
        {
            DeviceSetup.Create(folder, TestNode.Passphrase, "Alice", TestNode.Options(60)).Value.ToString();
            LocalDevice device = LocalDevice.Open(folder, TestNode.Passphrase, TestNode.Options(61)).Value;

            var started = await NodeHost.StartAsync(device, folder, new RunSettings(Direct: false, null, null, "/nonexistent/tor"),
                TestNode.Options(62), messenger: null, TestContext.Current.CancellationToken);

            Assert.Equal("node.tor_missing", started.Error!.Code);
            Assert.Contains("apt-get install tor", started.Error.Detail, StringComparison.Ordinal);
            Assert.Contains("--direct", started.Error.Detail, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, ApiConnection.FileName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Tor_is_looked_up_on_PATH_or_at_its_path()
    {
        string bin = TestNode.NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(bin, "tor"), "");
            Assert.True(TorLocator.Exists("tor", $"/nonexistent{Path.PathSeparator}{bin}"));
            Assert.False(TorLocator.Exists("tor", "/nonexistent"));
            Assert.False(TorLocator.Exists("tor", null));
            Assert.True(TorLocator.Exists(Path.Combine(bin, "tor"), null));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }
}
