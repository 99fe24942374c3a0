using Kith.Api.Connection;
using System.Net;
using Kith.Api.Status;
using Kith.Node.Device;
using Kith.Node.LocalApi;
using Kith.Primitives.Errors;
using Kith.Tor.Control;
using Kith.Tor.Hosting;
using Kith.Tor.Onion;

namespace Kith.Node.Tor;

/// <summary>
/// Tor for the node: its own tor (a <c>DataDirectory</c> under the data folder) or one already running, then the
/// bootstrap shown on the status board, then this device's onion service published with its own key so the address
/// is stable across restarts (control-spec §3.27 <c>ADD_ONION ED25519-V3</c>).
/// </summary>
internal static class TorStartup
{
    public static async Task<Result<ITor>> StartAsync(RunSettings settings, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TorControl is { } control)
        {
            Result<ExistingTor> existing = await ExistingTor.ConnectAsync(control, settings.TorCookie, cancellationToken);
            return existing.TryGet(out ExistingTor? tor, out KithError? error) ? tor : error;
        }

        if (!TorLocator.Exists(settings.TorExecutable, Environment.GetEnvironmentVariable("PATH")))
        {
            return NodeErrors.TorMissing;
        }

        var options = new TorProcessOptions(Path.Combine(folder, DataFolder.TorFolder)) { TorExecutable = settings.TorExecutable };
        Result<TorProcess> started = await TorProcess.StartAsync(options, cancellationToken);
        return started.TryGet(out TorProcess? process, out KithError? failed) ? process : failed;
    }

    /// <summary>Waits for the bootstrap (each phase shown on <paramref name="board"/>), then publishes the onion service.</summary>
    public static async Task<Result<PublishedOnionService>> PublishAsync(ITor tor, LocalDevice device, IPEndPoint peerListener,
        StatusBoard board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tor);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(board);
        var progress = new BoardProgress(board);
        if (!(await tor.Control.WaitForBootstrapAsync(progress, cancellationToken)).TryGet(out BootstrapStatus? done, out KithError? error))
        {
            board.Update(s => s with { Tor = new TorStatus(s.Tor?.Progress ?? 0, s.Tor?.Phase ?? "starting", error.Detail) });
            return error;
        }

        progress.Report(done);
        using var key = OnionServiceKey.FromEd25519Seed(device.Keys.OnionSeed.Span, device.Keys.OnionPublicKey);
        var request = new OnionServiceRequest(key, [new OnionPortMapping(Peers.PeerNetwork.OnionVirtualPort, peerListener)]);
        Result<PublishedOnionService> published = await tor.Control.PublishOnionServiceAsync(request, cancellationToken);
        if (published.TryGet(out PublishedOnionService? service, out error))
        {
            board.Update(s => s with { OnionAddress = service.Address.HostName });
        }
        else
        {
            board.Update(s => s with { Tor = s.Tor! with { Problem = error.Detail } });
        }

        return published;
    }

    private sealed class BoardProgress(StatusBoard board) : IProgress<BootstrapStatus>
    {
        public void Report(BootstrapStatus value) =>
            board.Update(s => s with { Tor = new TorStatus(value.Progress, value.Tag, value.Warning ? "Tor reports a problem while bootstrapping." : null) });
    }
}
