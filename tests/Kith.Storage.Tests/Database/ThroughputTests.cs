using System.Buffers.Binary;
using System.Diagnostics;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// Correctness at volume, with the rates printed as <c>MEASURE</c> lines in the test output (not asserted:
/// the machine's load decides them). The benchmarks proper come with the event store (issue 4, "Benchmarks").
/// </summary>
public sealed class ThroughputTests
{
    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine("MEASURE " + line);

    private static byte[] Number(int i)
    {
        byte[] key = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(key, i);
        return key;
    }

    [Fact]
    public void Twenty_thousand_values_encrypt_and_decrypt_back_in_their_rows()
    {
        const int Count = 20_000;
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        var column = new ValueColumn("messages", "body");
        byte[] body = new byte[200];
        var stored = new byte[Count][];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            stored[i] = database.Values.Encrypt(column, Number(i), body);
        }

        double encryptSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(body.Length, database.Values.Decrypt(column, Number(i), stored[i]).Value.Length);
        }

        Report($"values_encrypted_per_s {Count / encryptSeconds:F0}; values_decrypted_per_s {Count / clock.Elapsed.TotalSeconds:F0} (200-byte values)");
    }

    [Fact]
    public void Durable_commits_one_at_a_time_and_batched_are_all_kept()
    {
        const int Single = 100;
        const int Batched = 5_000;
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        byte[] state = new byte[200];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Single; i++)
        {
            database.RunInTransaction(transaction => new SqliteStateStore(transaction).Write("single", Number(i), state));
        }

        double singleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        database.RunInTransaction(transaction =>
        {
            var store = new SqliteStateStore(transaction);
            for (int i = 0; i < Batched; i++)
            {
                store.Write("batched", Number(i), state);
            }
        });
        double batchedSeconds = clock.Elapsed.TotalSeconds;

        database.RunInTransaction(transaction =>
        {
            var store = new SqliteStateStore(transaction);
            Assert.All(Enumerable.Range(0, Single), i => Assert.NotNull(store.Read("single", Number(i)).Value));
            Assert.All(Enumerable.Range(0, Batched), i => Assert.NotNull(store.Read("batched", Number(i)).Value));
        });
        Report($"state_commits_per_s {Single / singleSeconds:F0} (one fsynced transaction each); state_writes_per_s_batched {Batched / batchedSeconds:F0}");
    }
}
