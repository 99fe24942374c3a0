using System.CommandLine;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Devices;
using Kith.Cli.Client;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith devices link</c> (docs/ACCOUNTS.md, "Linking a device"). On the new device (made by <c>kith init --link</c>)
/// without a code: shows a fresh link code (its own line; <c>--json</c>: <c>{"code": ...}</c>) and a QR code. On a
/// device of the account, with the code: dials the new device and shows the six-digit confirmation code. Each person
/// compares the digits and confirms: by typing the other device's digits at a prompt in a terminal, or with <c>--confirm DIGITS</c> (refused when the digits
/// differ, and then nothing changes on either device).
/// </summary>
internal static class DeviceLinkCommand
{
    /// <summary>How often the command asks the node how far the link got.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var code = new Argument<string?>("code") { Description = "The code the new device shows (on a device of the account); none on the new device.", Arity = ArgumentArity.ZeroOrOne };
        var confirm = new Option<string?>("--confirm") { Description = "The six digits shown on the other device: continue only if they match this device's." };
        var link = new Command("link", "Link a new device: on the new device, show its code; on a device of your account, enter that code.") { code, confirm };
        link.SetAction((parse, cancellationToken) => RunAsync(parse, global, io, parse.GetValue(code), parse.GetValue(confirm), cancellationToken));
        return link;
    }

    private static async Task<int> RunAsync(ParseResult parse, GlobalOptions global, CliIo io, string? code, string? digits, CancellationToken cancellationToken)
    {
        if (!NodeClient.Connect(global.Folder(parse)).TryGet(out NodeClient? client, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        using (client)
        {
            bool json = parse.GetValue(global.Json);
            if (!(await Post(client, new LinkDeviceRequest(code, digits), cancellationToken)).TryGet(out LinkDeviceProgress? progress, out failure))
            {
                return NodeCall.Fail(io, failure);
            }

            if (code is null && digits is null)
            {
                ShowCode(io, progress, json);
                // In a terminal the person stays to compare the digits; scripts confirm with --confirm later.
                return io.Interactive && !json ? await CompareAsync(client, io, null, cancellationToken) : 0;
            }

            if (digits is not null && code is null)
            {
                io.Out.WriteLine(progress.State == LinkState.Linked ? "Linked: this device is now in the account."
                    : "Confirmed: this device joins the account as soon as the other device is confirmed too.");
                return 0;
            }

            return digits is null ? await CompareAsync(client, io, code, cancellationToken) : await FinishAsync(client, io, cancellationToken);
        }
    }

    private static void ShowCode(CliIo io, LinkDeviceProgress progress, bool json)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("code", progress.Code);
                writer.WriteEndObject();
            }

            io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }

        io.Out.WriteLine("Enter this code on a device of your account (`kith devices link CODE`); it works once, for 10 minutes:");
        io.Out.WriteLine(progress.Code);
        if (progress.QrText is { Length: > 0 } qr)
        {
            io.Out.WriteLine("Or scan it:");
            io.Out.WriteLine(qr);
        }
    }

    /// <summary>Waits for the confirmation code, shows it, and asks the person (or says how to confirm from a script).</summary>
    private static async Task<int> CompareAsync(NodeClient client, CliIo io, string? code, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            // A new onion service is often unreachable at first; the node keeps dialling it (docs/ACCOUNTS.md).
            io.Out.WriteLine("Reaching the new device (tried again until its code expires)...");
        }

        if (!(await WaitAsync(client, p => p.State != LinkState.Waiting || p.ConfirmationCode is not null, cancellationToken))
            .TryGet(out LinkDeviceProgress? progress, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        if (progress.State == LinkState.Failed)
        {
            return NodeCall.Fail(io, new CliFailure("link.failed", progress.Problem ?? "The link failed."));
        }

        io.Out.WriteLine("Confirmation code (it must be the same on both devices):");
        io.Out.WriteLine(progress.ConfirmationCode);
        if (!io.Interactive)
        {
            io.Out.WriteLine($"If the other device shows the same digits, run `kith devices link {(code is null ? "" : "CODE ")}--confirm {progress.ConfirmationCode}`.");
            return 0;
        }

        // The person types what the other device shows; the node compares, so differing digits stop both devices.
        io.Out.Write("Type the six digits the other device shows: ");
        string typed = io.In.ReadLine()?.Trim() ?? "";
        if (!(await Post(client, new LinkDeviceRequest(code, typed), cancellationToken)).TryGet(out _, out failure))
        {
            return NodeCall.Fail(io, failure);
        }

        return await FinishAsync(client, io, cancellationToken);
    }

    /// <summary>Waits until the link is done or failed.</summary>
    private static async Task<int> FinishAsync(NodeClient client, CliIo io, CancellationToken cancellationToken)
    {
        if (!(await WaitAsync(client, p => p.State is LinkState.Linked or LinkState.Failed or LinkState.None, cancellationToken))
            .TryGet(out LinkDeviceProgress? progress, out CliFailure? failure))
        {
            return NodeCall.Fail(io, failure);
        }

        if (progress.State != LinkState.Linked)
        {
            return NodeCall.Fail(io, new CliFailure("link.failed", progress.Problem ?? "The link failed."));
        }

        io.Out.WriteLine("Linked: both devices are in the account; `kith devices list` shows them.");
        return 0;
    }

    private static async Task<CliResult<LinkDeviceProgress>> WaitAsync(NodeClient client, Func<LinkDeviceProgress, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            CliResult<LinkDeviceProgress> progress = await client.GetAsync(ApiRoutes.DeviceLink, ApiJson.Default.LinkDeviceProgress, cancellationToken);
            if (!progress.TryGet(out LinkDeviceProgress? value, out _) || done(value))
            {
                return progress;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static Task<CliResult<LinkDeviceProgress>> Post(NodeClient client, LinkDeviceRequest request, CancellationToken cancellationToken) =>
        client.PostAsync(ApiRoutes.DeviceLink, request, ApiJson.Default.LinkDeviceRequest, ApiJson.Default.LinkDeviceProgress, cancellationToken);
}
