using Kith.Primitives;
using Kith.Tor.Hosting;

namespace Kith.Tor.Tests.Hosting;

public class HostingTests
{
    [Fact]
    public void Torrc_binds_loopback_only_quotes_paths_and_names_the_owner()
    {
        var torrc = TorProcess.BuildTorrc(new TorProcessOptions("/tmp/kith tor#1") { ExtraTorrcLines = ["PathsNeededToBuildCircuits 0.25"] }).ToString();
        Assert.Equal(
            "DataDirectory \"/tmp/kith tor#1\"\n" +
            "ControlPort 127.0.0.1:auto\n" +
            "ControlPortWriteToFile \"/tmp/kith tor#1/control-port\"\n" +
            "CookieAuthentication 1\n" +
            "CookieAuthFile \"/tmp/kith tor#1/control_auth_cookie\"\n" +
            "SocksPort 127.0.0.1:auto ExtendedErrors\n" +
            $"__OwningControllerProcess {Environment.ProcessId}\n" +
            "RunAsDaemon 0\n" +
            "PathsNeededToBuildCircuits 0.25\n",
            torrc);
        var fixedPorts = TorProcess.BuildTorrc(new TorProcessOptions("/tmp/k") { ControlPort = 9151, SocksPort = 9150 }).ToString();
        Assert.Contains("ControlPort 127.0.0.1:9151\n", fixedPorts, StringComparison.Ordinal);
        Assert.Contains("SocksPort 127.0.0.1:9150 ExtendedErrors\n", fixedPorts, StringComparison.Ordinal);
    }

    [Fact]
    public void Torrc_lines_cannot_smuggle_a_second_option()
    {
        Assert.Throws<ArgumentException>(() => new Torrc().Add("SocksPort", "9050\nControlPort 0.0.0.0:9051"));
        Assert.Throws<ArgumentException>(() => new Torrc().Add("Bad Key", "1"));
    }

    [Theory]
    [InlineData("PORT=127.0.0.1:39051\n", 39051)]
    [InlineData("PORT=[::1]:9051\nPORT=127.0.0.1:9052\n", 9051)]
    [InlineData("UNIX_PORT=/run/tor/control\nPORT=127.0.0.1:9052\n", 9052)]
    public void Port_file_gives_the_first_loopback_listener(string text, int port) =>
        Assert.Equal(port, PortFile.Parse(text).Value.Port);

    [Theory]
    [InlineData("PORT=10.0.0.1:9051\n")]
    [InlineData("PORT=127.0.0.1:0\n")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Port_file_without_a_loopback_listener_is_refused(string text) =>
        Assert.Equal("tor.process.bad_port_file", PortFile.Parse(text).Error?.Code);

    [Fact]
    public async Task Oversized_port_file_is_not_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kith-port-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, new string('x', Limits.TorPortFileMaxBytes + 1) + "\n", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal("tor.process.bad_port_file", (await PortFile.TryReadAsync(path, TestContext.Current.CancellationToken))?.Error?.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Output_tail_keeps_bounded_lines_of_bounded_length()
    {
        var tail = new OutputTail();
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i}\n")) + new string('z', 10_000);
        await tail.DrainAsync(new StringReader(text));
        var lines = tail.ToString().Split(" | ");
        Assert.Equal(OutputTail.MaxLines, lines.Length);
        Assert.Equal("line 81", lines[0]);
        Assert.Equal(OutputTail.MaxLineLength, lines[^1].Length);
    }

    [Fact]
    public async Task A_missing_tor_executable_is_an_error_not_an_exception()
    {
        var options = new TorProcessOptions(Path.Combine(Path.GetTempPath(), $"kith-tor-{Guid.NewGuid():N}")) { TorExecutable = "/nonexistent/tor" };
        try
        {
            var started = await TorProcess.StartAsync(options, TestContext.Current.CancellationToken);
            Assert.Equal("tor.process.not_started", started.Error?.Code);
        }
        finally
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Tor_refusing_its_config_is_reported_with_its_own_words_and_leaves_no_process()
    {
        // Tor exits while reading the configuration, before it opens any socket.
        var options = new TorProcessOptions(Path.Combine(Path.GetTempPath(), $"kith-tor-{Guid.NewGuid():N}")) { ExtraTorrcLines = ["NoSuchTorOption 1"] };
        try
        {
            var started = await TorProcess.StartAsync(options, TestContext.Current.CancellationToken);
            Assert.Equal("tor.process.exited", started.Error?.Code);
            Assert.Contains("NoSuchTorOption", started.Error!.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }
}
