using System.Globalization;
using Kith.Bench.Harness;
using Kith.Testing.Tor;
using Kith.Tor.Hosting;

namespace Kith.Bench.Groups.Node;

/// <summary>
/// Two real <c>kith-node</c> processes chatting (issue 5, "Benchmarks"), measured through the local API and its live
/// stream as a client sees them (<see cref="NodeChat"/>): send → delivered latency (p50, p99) and messages per second,
/// over direct TCP on loopback and over onion services of a private Tor network on loopback; and the node process's
/// resident memory when idle, before and after the direct run's messages (tor is another process, not counted).
/// </summary>
public sealed class NodeGroup : IBenchmarkGroup
{
    // Targets (the issue gives none; reasons in bench/README.md): a direct loopback message should feel instant
    // (50 ms is well under what a person notices in a chat), a private Tor network has 3-hop circuits to an onion
    // service on one machine (1 s), and an idle daemon on a small laptop should stay under 150 MiB.
    private const double DirectP50TargetMs = 50;
    private const double TorP50TargetMs = 1_000;
    private const double IdleRssTargetMiB = 150;

    /// <summary>Messages before measuring: the first dials, runs PQXDH and starts the sender chain.</summary>
    private const int WarmupMessages = 10;

    /// <inheritdoc/>
    public string Name => "node";

    /// <inheritdoc/>
    public string Description => "two kith-node processes through the local API: send -> delivered latency and msgs/s, direct and private Tor; idle RSS";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("node_direct_vs_engine_burst", "node_direct_msgs_per_s", "delivery_burst_per_s"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RunAsync(context, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        bool quick = context.Options.RoundTime < BenchOptions.Default.RoundTime;
        await using (NodeProcess alice = await NodeProcess.StartAsync("alice", ["--direct"], cancellationToken))
        await using (NodeProcess bob = await NodeProcess.StartAsync("bob", ["--direct"], cancellationToken))
        await using (DeliveryWatch watch = await DeliveryWatch.OpenAsync(alice, cancellationToken))
        {
            NodeChat chat = await NodeChat.OpenAsync(alice, bob, watch, cancellationToken);
            double idle = await SettledResidentMiB(alice, cancellationToken);
            context.Report("node_idle_rss_mib", idle, "MiB");
            context.ReportRatio("node_idle_rss_vs_target", idle / IdleRssTargetMiB);

            int samples = quick ? 50 : 300, burst = quick ? 100 : 300;
            await MeasureAsync(context, "direct", "direct TCP on loopback (NOT ANONYMOUS)", chat, samples, burst, DirectP50TargetMs, cancellationToken);

            double after = await SettledResidentMiB(alice, cancellationToken);
            context.Note(Invariant($"{WarmupMessages + samples + burst} messages later"));
            context.Report("node_idle_rss_after_msgs_mib", after, "MiB");
        }

        await MeasureTorAsync(context, quick, cancellationToken);
    }

    private static async Task MeasureTorAsync(BenchContext context, bool quick, CancellationToken cancellationToken)
    {
        if (!OnPath("tor"))
        {
            context.Note("tor is not installed: the node_tor_* figures need it (apt-get install tor)");
            return;
        }

        await using PrivateTorNetwork network = await PrivateTorNetwork.StartAsync(context.Note, cancellationToken);
        context.Note(Invariant($"private Tor network up in {network.StartTime.TotalSeconds:F1} s"));
        TorProcess aliceTor = await network.StartClientAsync("alice", cancellationToken);
        TorProcess bobTor = await network.StartClientAsync("bob", cancellationToken);
        await using NodeProcess alice = await NodeProcess.StartAsync("alice", ["--tor-control", aliceTor.ControlEndPoint.ToString()], cancellationToken);
        await using NodeProcess bob = await NodeProcess.StartAsync("bob", ["--tor-control", bobTor.ControlEndPoint.ToString()], cancellationToken);
        await using DeliveryWatch watch = await DeliveryWatch.OpenAsync(alice, cancellationToken);
        NodeChat chat = await NodeChat.OpenAsync(alice, bob, watch, cancellationToken);
        await MeasureAsync(context, "tor", "onion services on a private Tor network on loopback", chat, quick ? 20 : 100, quick ? 50 : 150,
            TorP50TargetMs, cancellationToken);
    }

    private static async Task MeasureAsync(BenchContext context, string mode, string what, NodeChat chat, int samples, int burst, double targetMs,
        CancellationToken cancellationToken)
    {
        (double[] warmup, _) = await chat.LatenciesAsync(WarmupMessages, cancellationToken);
        context.Note(Invariant($"{mode}: {what}; first message (dial, PQXDH, chain start) {warmup[0]:F1} ms"));
        (double[] latencies, double[] posts) = await chat.LatenciesAsync(samples, cancellationToken);
        double p50 = Percentile.Of(latencies, 0.50), p99 = Percentile.Of(latencies, 0.99);
        context.Note(Invariant($"{mode}: {samples} messages one at a time: min {latencies.Min():F2} ms, max {latencies.Max():F2} ms; the POST alone p50 {Percentile.Of(posts, 0.5):F2} ms, p99 {Percentile.Of(posts, 0.99):F2} ms"));
        context.Report($"node_{mode}_latency_p50_ms", p50, "ms");
        context.Report($"node_{mode}_latency_p99_ms", p99, "ms");
        context.ReportRatio($"node_{mode}_latency_p50_vs_target", p50 / targetMs);
        double perSecond = await chat.ThroughputAsync(burst, cancellationToken);
        context.Note(Invariant($"{mode}: {burst} messages, {NodeChat.InFlight} POSTs in flight, until the outbox was empty"));
        context.Report($"node_{mode}_msgs_per_s", perSecond, "msgs/s");
    }

    /// <summary>RSS once start-up's garbage had time to go: the node's background work is timers, so 2 s of quiet.</summary>
    private static async Task<double> SettledResidentMiB(NodeProcess node, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return node.ResidentMiB();
    }

    private static bool OnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, executable)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
