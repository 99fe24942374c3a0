using System.Diagnostics;
using System.Globalization;
using Kith.Primitives.Errors;
using Kith.Tor.Control;

namespace Kith.Tor.Hosting;

public sealed partial class TorProcess
{
    private const string PortFileName = "control-port";
    private const string CookieFileName = "control_auth_cookie";

    /// <summary>The torrc Kith writes for <paramref name="options"/>.</summary>
    public static Torrc BuildTorrc(TorProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var torrc = new Torrc()
            .AddPath("DataDirectory", options.DataDirectory)
            .Add("ControlPort", Loopback(options.ControlPort))
            .AddPath("ControlPortWriteToFile", Path.Combine(options.DataDirectory, PortFileName))
            .Add("CookieAuthentication", 1)
            .AddPath("CookieAuthFile", Path.Combine(options.DataDirectory, CookieFileName))
            .Add("SocksPort", Loopback(options.SocksPort) + " ExtendedErrors")
            .Add("__OwningControllerProcess", Environment.ProcessId)
            .Add("RunAsDaemon", 0);
        foreach (var line in options.ExtraTorrcLines)
        {
            torrc.AddLine(line);
        }

        return torrc;
    }

    // A bare port would bind every interface; Kith's ports are always written with 127.0.0.1.
    private static string Loopback(int port) =>
        "127.0.0.1:" + (port == 0 ? "auto" : port.ToString(CultureInfo.InvariantCulture));

    private static async Task<Result<Instance>> LaunchAsync(TorProcessOptions options, CancellationToken cancellationToken)
    {
        var directory = options.DataDirectory;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            // Tor refuses a DataDirectory others can read.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var torrcPath = Path.Combine(directory, "torrc");
        var defaultsPath = Path.Combine(directory, "torrc-defaults");
        var portFile = Path.Combine(directory, PortFileName);
        await File.WriteAllTextAsync(torrcPath, BuildTorrc(options).ToString(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(defaultsPath, "", cancellationToken).ConfigureAwait(false);
        File.Delete(portFile);

        var start = new ProcessStartInfo(options.TorExecutable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };

        // --defaults-torrc: no system-wide defaults; --hush: warnings and errors only, so failures stay visible.
        foreach (var argument in new[] { "-f", torrcPath, "--defaults-torrc", defaultsPath, "--hush" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var output = new OutputTail();
        var instance = new Instance(process, output);
        try
        {
            if (!process.Start())
            {
                process.Dispose();
                return TorProcessErrors.NotStarted;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process.Dispose();
            return TorProcessErrors.NotStarted;
        }

        _ = output.DrainAsync(process.StandardOutput);
        _ = output.DrainAsync(process.StandardError);

        var ready = false;
        try
        {
            var connected = await ConnectAsync(instance, portFile, options, cancellationToken).ConfigureAwait(false);
            ready = connected.IsOk;
            return connected.IsOk ? instance : connected.Error;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TorProcessErrors.StartTimeout;
        }
        finally
        {
            if (!ready)
            {
                await instance.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            }
        }
    }

    private static async Task<Result<Unit>> ConnectAsync(Instance instance, string portFile, TorProcessOptions options, CancellationToken cancellationToken)
    {
        // StartTimeout bounds the whole start: a tor that opens its port but never answers cannot hang it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var endPoint = await PortFileWatcher.WaitAsync(portFile, instance.Process, timeout.Token).ConfigureAwait(false);
        if (endPoint is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return instance.Process.HasExited
                ? TorProcessErrors.Exited(instance.Process.ExitCode, instance.Output.ToString())
                : TorProcessErrors.StartTimeout;
        }

        if (!endPoint.Value.TryGet(out var controlEndPoint, out var error))
        {
            return error;
        }

        var connected = await TorControlClient.ConnectAsync(controlEndPoint, timeout.Token).ConfigureAwait(false);
        if (!connected.TryGet(out var control, out error))
        {
            return error;
        }

        instance.Control = control;
        instance.ControlEndPoint = controlEndPoint;
        var step = await control.AuthenticateAsync(Path.Combine(options.DataDirectory, CookieFileName), timeout.Token).ConfigureAwait(false);
        if (step.IsOk)
        {
            step = await control.TakeOwnershipAsync(timeout.Token).ConfigureAwait(false);
        }

        if (!step.IsOk)
        {
            return step.Error;
        }

        var listeners = await control.GetSocksListenersAsync(timeout.Token).ConfigureAwait(false);
        if (!listeners.TryGet(out var socks, out error))
        {
            return error;
        }

        var loopback = socks.FirstOrDefault(e => System.Net.IPAddress.IsLoopback(e.Address));
        if (loopback is null)
        {
            return TorProcessErrors.NoSocksListener;
        }

        instance.SocksEndPoint = loopback;
        return Result.Ok();
    }
}
