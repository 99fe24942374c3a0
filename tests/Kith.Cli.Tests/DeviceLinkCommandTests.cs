using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kith.Cli.Tests;

/// <summary>
/// <c>kith devices link</c> as a script drives it (the shapes the real-process test uses): the new device prints its
/// code, the existing device enters it and prints the digits, each side confirms with <c>--confirm</c>.
/// </summary>
public sealed partial class DeviceLinkCommandTests
{
    [Fact]
    public async Task A_script_links_a_new_device_with_the_code_and_the_digits()
    {
        await using CliNode existing = await CliNode.StartAsync("Alice", 140);
        await using CliNode added = await CliNode.StartUnlinkedAsync(141);

        CliRun shown = await CliRun.Of("devices", "link", "--json", "--data", added.Folder);
        Assert.True(shown.ExitCode == 0, shown.Error);
        string code = JsonDocument.Parse(shown.Out).RootElement.GetProperty("code").GetString()!;
        CliRun plain = await CliRun.Of("devices", "link", "--data", added.Folder);
        Assert.Contains(Lines(plain.Out), line => line.StartsWith("KITHLINK-", StringComparison.Ordinal));
        code = Lines(plain.Out).Single(line => line.StartsWith("KITHLINK-", StringComparison.Ordinal));

        CliRun entered = await CliRun.Of("devices", "link", code, "--data", existing.Folder);
        Assert.True(entered.ExitCode == 0, entered.Error);
        Assert.StartsWith("Reaching the new device (tried again until its code expires)", entered.Out, StringComparison.Ordinal);
        string digits = Lines(entered.Out).Single(line => SixDigits().IsMatch(line));

        CliRun confirmedNew = await CliRun.Of("devices", "link", "--confirm", digits, "--data", added.Folder);
        Assert.True(confirmedNew.ExitCode == 0, confirmedNew.Error);
        CliRun confirmedExisting = await CliRun.Of("devices", "link", code, "--confirm", digits, "--data", existing.Folder);
        Assert.True(confirmedExisting.ExitCode == 0, confirmedExisting.Error);
        Assert.StartsWith("Linked", confirmedExisting.Out, StringComparison.Ordinal);

        CliRun listed = await CliRun.Of("devices", "list", "--json", "--data", added.Folder);
        Assert.Equal(2, JsonDocument.Parse(listed.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Other_digits_are_refused_with_one_sentence_and_nothing_changes()
    {
        await using CliNode existing = await CliNode.StartAsync("Alice", 142);
        await using CliNode added = await CliNode.StartUnlinkedAsync(143);
        string code = Lines((await CliRun.Of("devices", "link", "--data", added.Folder)).Out).Single(line => line.StartsWith("KITHLINK-", StringComparison.Ordinal));
        string digits = Lines((await CliRun.Of("devices", "link", code, "--data", existing.Folder)).Out).Single(line => SixDigits().IsMatch(line));
        string other = digits == "123456" ? "654321" : "123456";

        CliRun refused = await CliRun.Of("devices", "link", code, "--confirm", other, "--data", existing.Folder);

        refused.AssertOneSentenceFailure();
        CliRun listed = await CliRun.Of("devices", "list", "--json", "--data", existing.Folder);
        Assert.Equal(1, JsonDocument.Parse(listed.Out).RootElement.GetArrayLength());
        (await CliRun.Of("devices", "link", code, "--data", existing.Folder)).AssertOneSentenceFailure();
    }

    [Fact]
    public async Task A_mistyped_code_is_one_sentence_and_a_non_zero_exit()
    {
        await using CliNode existing = await CliNode.StartAsync("Alice", 144);
        (await CliRun.Of("devices", "link", "KITHLINK-NOTACODE", "--data", existing.Folder)).AssertOneSentenceFailure();
        (await CliRun.Of("devices", "link", "--data", existing.Folder)).AssertOneSentenceFailure();
    }

    [Fact]
    public async Task Init_with_link_creates_a_device_without_an_account()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("kith-cli-init-link-").FullName, "data");
        Environment.SetEnvironmentVariable("KITH_PASSPHRASE", "cli init passphrase");
        try
        {
            CliRun run = await CliRun.Of("init", "--link", "--data", folder);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.StartsWith("Created device ", run.Out, StringComparison.Ordinal);
            Assert.Contains("not in an account", run.Out, StringComparison.Ordinal);
            (await CliRun.Of("init", "--link", "--name", "Alice", "--data", folder + "-named")).AssertOneSentenceFailure();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
