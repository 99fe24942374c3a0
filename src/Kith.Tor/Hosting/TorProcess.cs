using System.Diagnostics;
using System.Net;
using Kith.Primitives.Errors;
using Kith.Tor.Control;

namespace Kith.Tor.Hosting;

/// <summary>
/// A tor child process that Kith starts, supervises and stops: its own <c>DataDirectory</c> and torrc, control and
/// SOCKS ports on 127.0.0.1 (chosen by tor unless fixed), cookie authentication, and two guards so tor never
/// outlives Kith: <c>__OwningControllerProcess</c> (tor polls for Kith's PID) and <c>TAKEOWNERSHIP</c> (control-spec
/// §3.23; tor exits when the control connection closes). If tor dies, it is started again and <see cref="Restarted"/>
/// is raised; on dispose exactly the process started here is stopped.
/// </summary>
public sealed partial class TorProcess : ITor
{
    private readonly TorProcessOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _supervisor;
    private volatile Instance _current;

    private TorProcess(TorProcessOptions options, Instance first)
    {
        _options = options;
        _current = first;
        _supervisor = Task.Run(SuperviseAsync);
    }

    /// <summary>Raised after tor died and a new tor is running; <see cref="Control"/> and the endpoints have changed.</summary>
    public event EventHandler? Restarted;

    /// <inheritdoc/>
    public TorControlClient Control => _current.Control;

    /// <inheritdoc/>
    public IPEndPoint SocksEndPoint => _current.SocksEndPoint;

    /// <inheritdoc/>
    public IPEndPoint ControlEndPoint => _current.ControlEndPoint;

    /// <summary>The operating-system id of the running tor.</summary>
    public int ProcessId => _current.Process.Id;

    /// <summary>How many times tor has been restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Why supervision gave up (after <see cref="TorProcessOptions.MaxRestarts"/>), or <c>null</c>.</summary>
    public KithError? Failure { get; private set; }

    /// <summary>The last lines tor wrote to its standard output (warnings and errors; tor runs with <c>--hush</c>).</summary>
    public string RecentOutput => _current.Output.ToString();

    /// <summary>
    /// Starts tor and returns once its control port answers, authenticated, with ownership taken and its SocksPort
    /// known. Tor may still be bootstrapping: see <see cref="WaitForBootstrapAsync"/>.
    /// </summary>
    public static async Task<Result<TorProcess>> StartAsync(TorProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = await LaunchAsync(options, cancellationToken).ConfigureAwait(false);
        return started.TryGet(out var instance, out var error) ? new TorProcess(options, instance) : error;
    }

    /// <summary>Waits until tor reports 100% bootstrapped, reporting each phase (control-spec §4.1.10).</summary>
    public Task<Result<BootstrapStatus>> WaitForBootstrapAsync(IProgress<BootstrapStatus>? progress, CancellationToken cancellationToken) =>
        Control.WaitForBootstrapAsync(progress, cancellationToken);

    /// <summary>Stops supervision and stops the tor process started here (and only it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _supervisor.ConfigureAwait(false);
        await _current.StopAsync(_options.StopTimeout).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SuperviseAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _current.Process.WaitForExitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await _current.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            Instance? next = null;
            while (next is null)
            {
                if (Restarts >= _options.MaxRestarts)
                {
                    Failure = new KithError("tor.process.gave_up", ErrorScope.Local, false, "Tor kept exiting; supervision stopped.");
                    return;
                }

                Restarts++;
                try
                {
                    // Back off 1, 2, 4, ... s so a tor that cannot start does not spin.
                    await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, Restarts - 1)), _stopping.Token).ConfigureAwait(false);
                    var launched = await LaunchAsync(_options, _stopping.Token).ConfigureAwait(false);
                    next = launched.IsOk ? launched.Value : null;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            _current = next;
            Restarted?.Invoke(this, EventArgs.Empty);
        }
    }

    private sealed class Instance(Process process, OutputTail output)
    {
        public Process Process { get; } = process;

        public OutputTail Output { get; } = output;

        public TorControlClient Control { get; set; } = null!;

        public IPEndPoint ControlEndPoint { get; set; } = null!;

        public IPEndPoint SocksEndPoint { get; set; } = null!;

        public async Task StopAsync(TimeSpan timeout)
        {
            // Closing the owning control connection makes tor exit by itself (TAKEOWNERSHIP).
            if (Control is not null)
            {
                await Control.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                if (!Process.HasExited)
                {
                    using var wait = new CancellationTokenSource(timeout);
                    try
                    {
                        await Process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Process.Kill(entireProcessTree: false);
                        await Process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Never started, or already reaped.
            }
            finally
            {
                Process.Dispose();
            }
        }
    }
}
