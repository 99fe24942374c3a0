using System.CommandLine;
using Kith.Api;
using Kith.Api.Status;
using Kith.Cli.Client;
using Spectre.Console;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith status</c>: how the node reaches peers. While tor bootstraps and a person watches a terminal, a progress
/// bar follows it to 100%; otherwise (a pipe, <c>--json</c>) the status is printed once.
/// </summary>
internal static class StatusCommand
{
    /// <summary>How often the bar asks the node while tor bootstraps; tor itself reports phases a few times a second at most.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var command = new Command("status", "Show the node's mode, tor bootstrap, onion address, peers online and outbox.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (io.Interactive && !parse.GetValue(global.Json) && NodeClient.Connect(global.Folder(parse)).TryGet(out NodeClient? client, out _))
            {
                using (client)
                {
                    await FollowBootstrap(client, io, cancellationToken);
                }
            }

            return await NodeCall.RunAsync(parse, global, io,
                (c, token) => c.GetAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, token),
                ApiJson.Default.NodeStatus, status => Render(io, status), cancellationToken);
        });
        return command;
    }

    internal static void Render(CliIo io, NodeStatus status)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Name", Markup.Escape(status.DisplayName));
        grid.AddRow("Account", status.AccountId);
        grid.AddRow("Device", status.DeviceId);
        grid.AddRow("Mode", status.Mode switch
        {
            NodeMode.Direct => $"direct TCP on {status.DirectEndPoint} — NOT ANONYMOUS",
            NodeMode.ExistingTor => "tor (already running)",
            _ => "tor (started by the node)",
        });
        if (status.Tor is { } tor)
        {
            grid.AddRow("Tor", Markup.Escape($"{tor.Progress}% ({tor.Phase}){(tor.Problem is { } problem ? ": " + problem : "")}"));
        }

        grid.AddRow("Onion address", status.OnionAddress ?? (status.Mode == NodeMode.Direct ? "none (direct mode)" : "not published yet"));
        grid.AddRow("Peers online", status.PeersOnline.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("Outbox", status.OutboxPending.ToString(System.Globalization.CultureInfo.InvariantCulture));
        io.Console.Write(grid);
    }

    private static async Task FollowBootstrap(NodeClient client, CliIo io, CancellationToken cancellationToken)
    {
        if (!(await client.GetAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, cancellationToken)).TryGet(out NodeStatus? first, out _)
            || first.Tor is not { Done: false, Problem: null })
        {
            return;
        }

        await io.Console.Progress().StartAsync(async progress =>
        {
            ProgressTask bar = progress.AddTask("Tor bootstrap", maxValue: 100);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!(await client.GetAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, cancellationToken)).TryGet(out NodeStatus? now, out _)
                    || now.Tor is not { } tor)
                {
                    return;
                }

                bar.Value = tor.Progress;
                bar.Description = Markup.Escape($"Tor: {tor.Phase}");
                if (tor.Done || tor.Problem is not null)
                {
                    return;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        });
    }
}
