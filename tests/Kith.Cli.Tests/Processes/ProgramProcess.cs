using System.Diagnostics;
using System.Text;

namespace Kith.Cli.Tests.Processes;

/// <summary>
/// A built <c>kith</c> or <c>kith-node</c> (copied beside the tests through the project references) run as a real
/// process with <c>KITH_PASSPHRASE</c> set; its output is collected as it comes, and standard input stays open for
/// typing until <see cref="CloseInput"/>. Disposing kills it by its own PID if it still runs.
/// </summary>
internal sealed class ProgramProcess : IDisposable
{
    /// <summary>Generous bound on anything a process is waited for: real sockets and production Argon2id on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public const string Passphrase = "two processes passphrase";

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private ProgramProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_out, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Out => Read(_out);

    public string Error => Read(_error);

    /// <summary>Starts <paramref name="program"/> (<c>kith</c> or <c>kith-node</c>) with <paramref name="arguments"/>.</summary>
    public static ProgramProcess Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, program))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KITH_PASSPHRASE"] = Passphrase;
        return new ProgramProcess(Process.Start(start)!);
    }

    /// <summary>Runs <paramref name="program"/> to its end: exit code and output.</summary>
    public static async Task<CliRun> RunAsync(string program, params string[] arguments)
    {
        using ProgramProcess process = Start(program, arguments);
        process.CloseInput();
        int code = await process.ExitAsync();
        return new CliRun(code, process.Out, process.Error);
    }

    /// <summary>Types <paramref name="line"/> and Enter.</summary>
    public async Task TypeAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>End of input (Ctrl-D at a terminal).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with what it printed otherwise.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var waited = Stopwatch.StartNew();
        while (!Out.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < Patience && !_process.HasExited,
                $"Waited for \"{text}\"; output:\n{Out}\nerrors:\n{Error}");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits for the process to end; its exit code.</summary>
    public async Task<int> ExitAsync()
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        await _process.WaitForExitAsync(patience.Token);
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
