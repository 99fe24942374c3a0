using System.Security.Cryptography;
using Kith.Api.Events;
using Kith.Api.Status;
using Kith.Node.Device;
using Kith.Api.Connection;
using Kith.Node.Hosting;
using Kith.Node.LocalApi;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Microsoft.Extensions.Logging;

namespace Kith.Node;

/// <summary>What <c>kith-node init</c> and <c>run</c> do, apart from parsing, so tests call them in-process.</summary>
internal static class NodeCommands
{

    /// <summary>Exit code of a refused command (one sentence on standard error, nothing changed).</summary>
    public const int Failed = 1;

    /// <summary>
    /// <c>kith-node init [--name N]</c> creates an account with this device; <c>init --link</c> creates only the
    /// device, which an existing device of the account then links (<paramref name="toLink"/>).
    /// </summary>
    public static int Init(string? dataOverride, string? displayName, TextWriter output, TextWriter error, NodeOptions? options = null,
        bool toLink = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (toLink && displayName is not null)
        {
            return Report(error, DeviceLinking.LinkSessionErrors.NameWithLink);
        }

        string folder = DataFolder.Resolve(dataOverride, Environment.GetEnvironmentVariable);
        byte[]? passphrase = Passphrase.Read(Environment.GetEnvironmentVariable, confirm: true, error);
        if (passphrase is null)
        {
            return Report(error, NodeErrors.NoPassphrase);
        }

        try
        {
            DataFolder.Ensure(folder);
            if (toLink)
            {
                return InitToLink(folder, passphrase, output, error, options ?? NodeOptions.Default);
            }

            if (!DeviceSetup.Create(folder, passphrase, displayName, options ?? NodeOptions.Default).TryGet(out AccountId account, out KithError? failure))
            {
                return Report(error, failure);
            }

            output.WriteLine($"Created account {account} on this device, stored encrypted in {folder}.");
            output.WriteLine("Next: `kith node run` starts the node; `kith id` shows the card to give your contacts.");
            return 0;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphrase);
        }
    }

    private static int InitToLink(string folder, byte[] passphrase, TextWriter output, TextWriter error, NodeOptions options)
    {
        if (!DeviceSetup.CreateUnlinked(folder, passphrase, options).TryGet(out DeviceId device, out KithError? failure))
        {
            return Report(error, failure);
        }

        output.WriteLine($"Created device {device}, stored encrypted in {folder}; it is not in an account yet.");
        output.WriteLine("Next: `kith node run` starts it waiting to be linked; `kith devices link` shows the code to enter on a device of your account.");
        return 0;
    }

    public static async Task<int> RunAsync(string? dataOverride, RunSettings settings, TextWriter output, TextWriter error,
        CancellationToken cancellationToken, NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        // A running node logs its diagnostics (e.g. each dial while linking a device) to the console; tests pass theirs.
        using ILoggerFactory console = LoggerFactory.Create(logs => logs.AddSimpleConsole().SetMinimumLevel(LogLevel.Information));
        options ??= new NodeOptions { Logs = console };
        string folder = DataFolder.Resolve(dataOverride, Environment.GetEnvironmentVariable);
        byte[]? passphrase = Passphrase.Read(Environment.GetEnvironmentVariable, confirm: false, error);
        if (passphrase is null)
        {
            return Report(error, NodeErrors.NoPassphrase);
        }

        Result<LocalDevice> opened = LocalDevice.Open(folder, passphrase, options);
        CryptographicOperations.ZeroMemory(passphrase);
        if (!opened.TryGet(out LocalDevice? device, out KithError? failure))
        {
            return Report(error, failure);
        }

        if (!(await NodeHost.StartAsync(device, folder, settings, options,
            (started, links, _) => MessengerHandlers.Of(started, links, options), cancellationToken)).TryGet(out NodeHost? host, out failure))
        {
            return Report(error, failure);
        }

        await using (host)
        {
            using EventReader? progress = host.Events.Subscribe();
            NodeStatus status = host.Status.Current;
            output.WriteLine(device.IsLinked
                ? $"Kith node for account {status.AccountId}, device {status.DeviceId}."
                : $"Kith node for device {status.DeviceId}, waiting to be linked: `kith devices link` shows the code to enter on a device of your account.");
            output.WriteLine(settings.Direct
                ? $"Mode: direct TCP on {status.DirectEndPoint}. NOT ANONYMOUS: peers and the network see this device's address."
                : $"Mode: tor ({(settings.TorControl is null ? "started by this node" : "already running")}); onion address {OnionOf(device)}.");
            output.WriteLine($"Local API: http://127.0.0.1:{host.Api.Port} (token in {ApiConnectionFile.PathIn(folder)}). Ctrl+C stops the node.");
            try
            {
                await ShowTorProgress(progress, output, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.WriteLine("Stopping.");
            }
        }

        return 0;
    }

    private static string OnionOf(LocalDevice device) => Wire.Onion.OnionAddress.FromPublicKey(device.Keys.OnionPublicKey).HostName;

    private static async Task ShowTorProgress(EventReader? events, TextWriter output, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }

        (TorStatus?, string?) shown = (null, null);
        await foreach (NodeEvent item in events.ReadAllAsync(cancellationToken))
        {
            if (item is StatusChanged { Status: var status } && status.Tor is { } tor && (tor, status.OnionAddress) != shown)
            {
                shown = (tor, status.OnionAddress);
                output.WriteLine(tor.Problem is { } problem
                    ? $"Tor: {tor.Progress}% ({tor.Phase}): {problem}"
                    : $"Tor: {tor.Progress}% ({tor.Phase}){(status.OnionAddress is { } onion ? $"; onion service published at {onion}" : "")}");
            }
        }
    }

    private static int Report(TextWriter error, KithError failure)
    {
        error.WriteLine(failure.Detail);
        return Failed;
    }
}
