using System.Diagnostics;
using System.Globalization;
using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Keyring;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;

namespace Kith.Bench.Groups;

/// <summary>
/// Sync of <see cref="EventCount"/> events from one replica to an empty one, both on encrypted SQLite
/// stores in temporary folders, in one process over an in-memory link (issue 4, "Benchmarks"): from the
/// first heads message until the link is quiet, with every event decoded, signature-checked and ordered by
/// the receiving log and committed to its store one transaction per run of already arrived batches (at most
/// <see cref="Limits.MaxSyncCommitEvents"/> events; <see cref="SyncLink"/>). The bound, measured in the same run,
/// is what storing the same data costs at least: sealing each encoding and inserting it in transactions of
/// <see cref="Limits.MaxSyncCommitEvents"/> events (<see cref="SyncStorageBound"/>). Each run starts from a fresh receiver, so the figures are the
/// median of a few whole runs rather than of calibrated rounds.
/// </summary>
public sealed class SyncGroup : IBenchmarkGroup
{
    /// <summary>Events synced.</summary>
    public const int EventCount = 100_000;

    private static readonly byte[] Passphrase = "bench passphrase"u8.ToArray();

    // The store's passphrase KDF runs once per store, off the clock; its cost is not what is measured here.
    private static readonly KithDatabaseOptions FastKdf = new() { KdfParameters = new PassphraseKdfParameters(1, Argon2id.MinMemoryKiB) };

    /// <inheritdoc/>
    public string Name => "sync";

    /// <inheritdoc/>
    public string Description => "sync 100,000 events into an empty replica, both on SQLite, against storing the same data";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("sync_vs_bound", "sync_100k_seconds", "sync_100k_bound_seconds"),
        new("log_reopen_vs_verify_each", "log_reopen_100k_seconds", "verify_each_100k_seconds"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int runs = Math.Min(context.Options.Rounds, 3);
        DirectoryInfo root = Directory.CreateTempSubdirectory("kith-bench-sync-");
        try
        {
            var watch = Stopwatch.StartNew();
            using KithDatabase serverStore = KithDatabase.Create(Folder(root, "server"), Passphrase, FastKdf).Value;
            using var fixture = new SyncFixture(SystemRandomSource.Instance, serverStore, EventCount);
            context.Note($"fixture: {EventCount} events written, stored and loaded in {watch.Elapsed.TotalSeconds:F1} s");
            List<(byte[] Id, byte[] Encoding)> data = [.. fixture.Log.Order()
                .Select(id => fixture.Log.TryGet(id, out ConversationEvent? e) ? (id.ToArray(), e!.ToBytes()) : throw new InvalidOperationException())];

            var sync = new List<double>();
            var bound = new List<double>();
            TimeSpan syncCpu = TimeSpan.Zero, boundCpu = TimeSpan.Zero;
            // One run first, not counted, as any benchmark warms up: .NET compiles hot methods again, optimised, after
            // their first calls, and the first sync ran a quarter slower than the next ones (server and receive phases).
            _ = SyncOnce(context, root, fixture, -1);
            for (int run = 0; run < runs; run++)
            {
                syncCpu += Cpu(() => sync.Add(SyncOnce(context, root, fixture, run)));
                boundCpu += Cpu(() => bound.Add(Time(() =>
                    SyncStorageBound.Run(Folder(root, $"bound-{run}"), data, Limits.MaxSyncCommitEvents, SystemRandomSource.Instance))));
            }

            context.Note($"sync runs (s): {string.Join(' ', sync.Select(Format))}; bound runs (s): {string.Join(' ', bound.Select(Format))}");
            // On a machine shared with other work, wall time overstates; process CPU time per run does not.
            context.Note($"process CPU per run (s): sync {Format(syncCpu.TotalSeconds / runs)}, bound {Format(boundCpu.TotalSeconds / runs)}");
            context.Report("sync_100k_seconds", Median(sync), "s");
            context.Report("sync_100k_bound_seconds", Median(bound), "s");

            // Reopening the serving replica's log from its store, as a device does at start: every stored event read,
            // decrypted and offered again (ConversationLog.Replay). Against verifying every signature one by one, on
            // one core, which is what reopening cost before Replay (it offered each event alone).
            var reopen = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                reopen.Add(Time(() => Reopen(serverStore, fixture)));
            }

            context.Note($"log reopen runs (s): {string.Join(' ', reopen.Select(Format))}");
            context.Report("log_reopen_100k_seconds", Median(reopen), "s");
            context.Report("verify_each_100k_seconds", Time(() => VerifyAll(fixture.Log)), "s");

            // Not figures: where a sync's time goes (one core each).
            context.Note($"SqliteEventStore appends alone, one transaction per {Limits.MaxSyncCommitEvents}: "
                + $"{Format(Time(() => AppendAll(Folder(root, "appends"), fixture.Log)))} s "
                + $"(process CPU {Format(Cpu(() => AppendAll(Folder(root, "appends-again"), fixture.Log)).TotalSeconds)} s on a second pass)");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void Reopen(KithDatabase store, SyncFixture fixture)
    {
        var log = new ConversationLog(fixture.Conversation, fixture);
        int accepted = log.Replay(new SqliteEventStore(store).All(fixture.Conversation).Value).Count;
        if (accepted != EventCount)
        {
            throw new InvalidOperationException($"Reopening accepted {accepted} of {EventCount} stored events.");
        }
    }

    private static double SyncOnce(BenchContext context, DirectoryInfo root, SyncFixture fixture, int run)
    {
        using KithDatabase store = KithDatabase.Create(Folder(root, run < 0 ? "receiver-warm-up" : $"receiver-{run}"), Passphrase, FastKdf).Value;
        var log = new ConversationLog(fixture.Conversation, fixture);
        int messages = 0;
        var phases = new SyncPhases();
        double seconds = Time(() => messages = SyncLink.Run(fixture.Log, log, store, fixture.NowUnixMs, phases));
        long stored = new SqliteEventStore(store).Count(fixture.Conversation);
        if (log.Count != EventCount || stored != EventCount)
        {
            throw new InvalidOperationException($"The sync ended with {log.Count} events in the log and {stored} stored.");
        }

        context.Note($"sync run {(run < 0 ? "warm-up" : run)}: {messages} messages, {phases.Calls(SyncPhase.Persist)} commits, {Format(seconds)} s (wall/thread CPU s: {phases})");
        return seconds;
    }

    private static void VerifyAll(ConversationLog log)
    {
        foreach (Kith.Primitives.Ids.EventId id in log.Order())
        {
            _ = log.TryGet(id, out ConversationEvent? e);
            if (!Ed25519.Verify(e!.SigningKey, e.SignedContent(), e.Signature))
            {
                throw new InvalidOperationException("A fixture event does not verify.");
            }
        }
    }

    private static void AppendAll(string folder, ConversationLog log)
    {
        using KithDatabase store = KithDatabase.Create(folder, Passphrase, FastKdf).Value;
        foreach (Kith.Primitives.Ids.EventId[] batch in log.Order().Chunk(Limits.MaxSyncCommitEvents))
        {
            store.RunInTransaction(transaction =>
            {
                var events = new SqliteEventStore(transaction);
                foreach (Kith.Primitives.Ids.EventId id in batch)
                {
                    _ = log.TryGet(id, out ConversationEvent? e);
                    events.Append(log.Conversation, e!);
                }
            });
        }
    }

    private static string Folder(DirectoryInfo root, string name) => root.CreateSubdirectory(name).FullName;

    private static double Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static TimeSpan Cpu(Action action)
    {
        TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return Process.GetCurrentProcess().TotalProcessorTime - start;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Format(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);
}
