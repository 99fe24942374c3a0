using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// A process the tests started (<c>kith-node</c> or <c>kith</c>), its output kept for failure messages. Every one is
/// registered so <see cref="StopAllAsync"/> stops what a failed test left running, each by its own PID: never a
/// broad kill.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxOutput = 64 * 1024;
    private static readonly ConcurrentDictionary<int, ChildProcess> Running = new();

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string name, string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var child = new ChildProcess(name, process);
        Running[process.Id] = child;
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // No input: a passphrase prompt or a confirmation reads end of input instead of waiting forever.
        process.StandardInput.Close();
        return child;
    }

    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        Running.TryRemove(Id, out _);
    }

    /// <summary>SIGKILL: no shutdown code runs (the crash the delivery engine must survive).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGTERM, as a service manager stops it; SIGKILL if it has not exited after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited && !OperatingSystem.IsWindows())
        {
            _ = kill(_process.Id, 15);
            using var patience = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await KillAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.FromSeconds(10)));

    /// <summary>Stops every process still running that a test started (a failed test's leftovers).</summary>
    public static async Task StopAllAsync()
    {
        foreach (var child in Running.Values)
        {
            await child.KillAsync();
            child._process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < MaxOutput)
            {
                _output.AppendLine(line);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
