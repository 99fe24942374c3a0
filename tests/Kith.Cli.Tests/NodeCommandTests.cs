namespace Kith.Cli.Tests;

public sealed class NodeCommandTests
{
    [Fact]
    public async Task A_command_without_a_running_node_is_one_sentence_and_a_non_zero_exit()
    {
        string folder = Directory.CreateTempSubdirectory("kith-cli-none-").FullName;
        try
        {
            foreach (string[] args in new[] { new[] { "id" }, ["contacts"], ["status"], ["contact", "add", "KITH-0"], ["devices", "list"] })
            {
                CliRun run = await CliRun.Of([.. args, "--data", folder]);
                run.AssertOneSentenceFailure();
                Assert.Contains("kith node run", run.Error, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Init_runs_kith_node_and_creates_the_device_once()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("kith-cli-init-").FullName, "data");
        Environment.SetEnvironmentVariable("KITH_PASSPHRASE", "cli init passphrase");
        try
        {
            CliRun first = await CliRun.Of("init", "--name", "Alice", "--data", folder);
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.StartsWith("Created account ", first.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "kith.db")));

            CliRun second = await CliRun.Of("init", "--data", folder);
            second.AssertOneSentenceFailure();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Devices_list_shows_this_device()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 120);

        CliRun run = await CliRun.Of("devices", "list", "--data", alice.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("this device", run.Out, StringComparison.Ordinal);
        Assert.Contains(".onion", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_direct_mode_not_anonymous()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 121);

        CliRun run = await CliRun.Of("status", "--data", alice.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NOT ANONYMOUS", run.Out, StringComparison.Ordinal);
    }
}
