using System.Diagnostics;
using System.Globalization;
using Kith.Bench.Harness;

namespace Kith.Bench.Groups;

/// <summary>
/// Signal's own library in the same run: runs bench/node/libsignal-bench.mjs (libsignal-client through
/// its Node bridge, with in-memory stores) and takes over its BENCH lines, so the RATIO lines compare
/// figures measured minutes apart on the same machine rather than across days.
/// </summary>
public sealed class LibsignalGroup : IBenchmarkGroup
{
    private const string Script = "libsignal-bench.mjs";
    private const string PackageDirectory = "node_modules/@signalapp/libsignal-client";

    // PQXDH setup and a few thousand messages take seconds; minutes mean the script hangs.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public string Name => "libsignal";

    /// <inheritdoc/>
    public string Description => "libsignal-client 0.103.0 (Node): PQXDH setup, one-way and ping-pong 100-byte messages";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("libsignal_oneway_vs_bound", "libsignal_oneway_msgs_per_s", "ratchet_bound_oneway_msgs_per_s"),
        new("libsignal_pingpong_vs_bound", "libsignal_pingpong_msgs_per_s", "ratchet_bound_pingpong_msgs_per_s"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string directory = FindNodeDirectory(context.Options.NodeDirectory);
        if (!Directory.Exists(Path.Combine(directory, PackageDirectory)))
        {
            throw new InvalidOperationException(
                $"@signalapp/libsignal-client is not installed in {directory}: run bench/run, which runs 'npm ci' there.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("--rounds");
        start.ArgumentList.Add(context.Options.Rounds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--round-ms");
        start.ArgumentList.Add(((long)context.Options.RoundTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--warmup-ms");
        start.ArgumentList.Add(((long)context.Options.WarmupTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = new List<string>();
        var errors = new List<string>();
        node.OutputDataReceived += (_, e) => Collect(output, e.Data);
        node.ErrorDataReceived += (_, e) => Collect(errors, e.Data);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        if (!node.WaitForExit(Timeout))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Script} did not finish within {Timeout}.");
        }

        // The parameterless wait also waits for the redirected streams to be drained.
        node.WaitForExit();
        int figures = 0;
        foreach (string line in output)
        {
            if (BenchLine.TryParse(line, out BenchFigure? figure))
            {
                context.Report(figure!.Name, figure.Value, figure.Unit);
                figures++;
            }
            else if (line.Length > 0)
            {
                context.Note($"node: {line}");
            }
        }

        if (node.ExitCode != 0 || figures == 0)
        {
            throw new InvalidOperationException(
                $"{Script} exited with {node.ExitCode} after {figures} figures:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    private static void Collect(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private static string FindNodeDirectory(string? configured)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(configured);
        }

        foreach (string origin in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? dir = new(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "bench", "node");
                if (File.Exists(Path.Combine(candidate, Script)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"bench/node/{Script} not found above {AppContext.BaseDirectory}; pass --node-dir.");
    }
}
