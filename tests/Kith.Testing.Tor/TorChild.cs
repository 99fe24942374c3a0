using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Kith.Testing.Tor;

/// <summary>One authority or relay of the private network: a tor child process, stopped by its own PID only.</summary>
internal sealed class TorChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TorChild(string name, string dataDirectory, Process process)
    {
        Name = name;
        DataDirectory = dataDirectory;
        _process = process;
    }

    public string Name { get; }

    public string DataDirectory { get; }

    public bool HasExited => _process.HasExited;

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

    public static TorChild Start(string name, string dataDirectory, string torrc, string emptyFile)
    {
        var torrcPath = Path.Combine(dataDirectory, "torrc");
        File.WriteAllText(torrcPath, torrc);
        var start = new ProcessStartInfo("tor")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-f", torrcPath, "--defaults-torrc", emptyFile, "--hush" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("tor did not start");
        var child = new TorChild(name, dataDirectory, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGHUP: tor reloads and resets its download back-off (PRIVATE-TOR.md, step 4).</summary>
    public void Hangup()
    {
        if (!OperatingSystem.IsWindows() && kill(_process.Id, 1) != 0)
        {
            throw new InvalidOperationException($"SIGHUP to {Name} failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            _process.Dispose();
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
            if (_output.Length < 16 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
