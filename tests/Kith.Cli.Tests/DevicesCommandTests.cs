namespace Kith.Cli.Tests;

/// <summary><c>kith devices revoke</c>: refusals are one sentence and exit code 1, and change nothing.</summary>
public sealed class DevicesCommandTests
{
    [Fact]
    public async Task Revoking_this_device_an_unknown_id_or_without_the_engine_fails_with_one_sentence()
    {
        await using CliNode alice = await CliNode.StartAsync("Alice", 84);
        string self = alice.Host.Device.Device.ToString();
        CliRun withoutEngine = await CliRun.Of("devices", "revoke", self, "--data", alice.Folder);
        await using WiredApi wired = await WiredApi.StartAsync(alice);

        CliRun itself = await CliRun.Of("devices", "revoke", self[..12], "--data", wired.Folder);
        CliRun unknown = await CliRun.Of("devices", "revoke", "00000000", "--data", wired.Folder);
        CliRun listed = await CliRun.Of("devices", "list", "--json", "--data", wired.Folder);

        withoutEngine.AssertOneSentenceFailure();
        itself.AssertOneSentenceFailure();
        Assert.True(itself.Error.Contains("cannot revoke itself", StringComparison.Ordinal), itself.Error);
        unknown.AssertOneSentenceFailure();
        Assert.Contains("No device of this account has that id", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"revoked\":true", listed.Out, StringComparison.Ordinal);
    }
}
