using System.Text;
using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Database;
using Kith.Storage.Keyring;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;

namespace Kith.Bench.Groups;

/// <summary>
/// Cold open (issue 4, "Benchmarks"): a store holding <see cref="EventCount"/> events of one conversation and
/// their shown messages, built once per run in a temporary folder; the figure is opening it (production Argon2id
/// costs, schema check, key derivation) and reading and decrypting the latest <see cref="PageSize"/> messages,
/// with the file's pages dropped from the OS page cache before each round (<see cref="PageCache"/>).
/// </summary>
/// <remarks>
/// The builder bypasses the protocol: events carry a placeholder signature (the store does not verify; the log
/// does) and go in through <see cref="SqliteEventStore.AppendMany"/> and <see cref="SqliteMessageStore.Put"/>
/// in one transaction, <see cref="BuildBatch"/> events per <c>AppendMany</c>. The Argon2id derivation is a fixed cost chosen for the
/// passphrase's sake, so it is also measured alone (<c>cold_open_argon2_ms</c>).
/// </remarks>
public sealed class ColdOpenGroup : IBenchmarkGroup
{
    /// <summary>Events (and messages) in the store.</summary>
    public const int EventCount = 1_000_000;

    /// <summary>Messages a chat window shows when a conversation is opened.</summary>
    public const int PageSize = 50;

    private const int BuildBatch = 20_000;
    private const int BuildPageCacheKiB = 3 * 1024 * 1024;
    private const int ContentSize = 100;
    private const double TargetMs = 1_000;
    private static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("bench passphrase");

    /// <inheritdoc/>
    public string Name => "cold-open";

    /// <inheritdoc/>
    public string Description => $"open a store of {EventCount:N0} events (production Argon2id) and show the latest {PageSize} messages";

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DirectoryInfo folder = Directory.CreateTempSubdirectory("kith-bench-cold-");
        try
        {
            var build = System.Diagnostics.Stopwatch.StartNew();
            ConversationId conversation = Build(folder.FullName);
            string file = Path.Combine(folder.FullName, KithDatabase.FileName);
            context.Note(FormattableString.Invariant(
                $"built {EventCount:N0} events + messages in {build.Elapsed.TotalSeconds:F1} s, file {new FileInfo(file).Length / (1024.0 * 1024):F0} MiB"));

            PassphraseKdfParameters kdf = PassphraseKdfParameters.Default;
            byte[] salt = new byte[16];
            byte[] key = new byte[32];
            Measurement argon2 = context.Measure($"Argon2id alone, t = {kdf.Iterations}, m = {kdf.MemoryKiB / 1024} MiB", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    Argon2id.TryDeriveKey(Passphrase, salt, kdf.Iterations, kdf.MemoryKiB, key);
                }
            });
            context.Report("cold_open_argon2_ms", argon2.Milliseconds, "ms");

            bool evicted = true;
            Measurement cold = context.MeasureEach($"open + latest {PageSize}, page cache dropped before each", () =>
            {
                evicted &= PageCache.TryEvict(file, file + "-wal", file + "-shm");
                return new OpenedStore();
            }, opened => opened.OpenAndShow(folder.FullName, conversation));
            if (!evicted)
            {
                context.Note("the page cache could not be dropped here: the cold figure is a warm one");
            }

            context.Report("cold_open_latest50_ms", cold.Milliseconds, "ms");
            context.Note(FormattableString.Invariant(
                $"cold open without Argon2id (difference of the medians): {cold.Milliseconds - argon2.Milliseconds:F1} ms"));
            context.ReportRatio("cold_open_latest50_vs_target", cold.Milliseconds / TargetMs);

            using KithDatabase open = KithDatabase.Open(folder.FullName, Passphrase).Value;
            var messages = new SqliteMessageStore(open);
            Measurement warm = context.Measure($"latest {PageSize} on an open store", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    Show(messages, conversation);
                }
            });
            context.Report("latest50_open_store_ms", warm.Milliseconds, "ms");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Reads the latest page and checks it is the end of the conversation, decrypted.</summary>
    private static void Show(SqliteMessageStore messages, ConversationId conversation)
    {
        IReadOnlyList<ShownMessage> page = messages.Latest(conversation, PageSize).Value;
        if (page.Count != PageSize || page[^1].Position != EventCount - 1 || page[^1].Content.Length != ContentSize)
        {
            throw new InvalidOperationException("The latest page is not the end of the conversation.");
        }
    }

    /// <summary>Writes the store: a linear run of events by one author and a message for each.</summary>
    private static ConversationId Build(string folder)
    {
        var random = new SeededRandomSource(20261205);
        ConversationId conversation = ConversationId.FromBytes(Fill(random, 32));
        DeviceId author = DeviceId.FromBytes(Fill(random, 32));
        byte[] chainId = Fill(random, 32);
        byte[] signingKey = Fill(random, 32);
        byte[] ciphertext = Fill(random, ContentSize + 16);
        byte[] signature = Fill(random, 64);
        byte[] content = Fill(random, ContentSize);
        const long epoch = 1_700_000_000_000;
        // One transaction for everything, with a page cache that holds it: the message table is keyed by random
        // ids (blind indexes), so smaller transactions would each rewrite most of their pages into the WAL.
        using KithDatabase database = KithDatabase.Create(folder, Passphrase,
            new KithDatabaseOptions { Random = random, PageCacheKiB = BuildPageCacheKiB }).Value;
        database.RunInTransaction(transaction =>
        {
            var eventStore = new SqliteEventStore(transaction);
            var messages = new SqliteMessageStore(transaction);
            EventId? previous = null;
            for (int start = 0; start < EventCount; start += BuildBatch)
            {
                var events = new List<ConversationEvent>(BuildBatch);
                for (int i = start; i < start + BuildBatch; i++)
                {
                    var written = new ConversationEvent(conversation, author, previous is { } p ? [p] : [], epoch + i, chainId,
                        (uint)i, signingKey, ciphertext, signature);
                    events.Add(written);
                    previous = written.Id;
                }

                eventStore.AppendMany(conversation, events);
                foreach (ConversationEvent e in events)
                {
                    messages.Put(conversation, new ShownMessage(e.Id, author, e.TimestampUnixMs, e.ChainIndex, content));
                }
            }
        });

        // Everything into the main file, synced, so that dropping its pages really empties the cache.
        database.Checkpoint();
        return conversation;
    }

    private static byte[] Fill(IRandomSource random, int length)
    {
        byte[] bytes = new byte[length];
        random.Fill(bytes);
        return bytes;
    }

    /// <summary>One timed open; disposed off the clock.</summary>
    private sealed class OpenedStore : IDisposable
    {
        private KithDatabase? _database;

        public void OpenAndShow(string folder, ConversationId conversation)
        {
            _database = KithDatabase.Open(folder, Passphrase).Value;
            Show(new SqliteMessageStore(_database), conversation);
        }

        public void Dispose() => _database?.Dispose();

        public override string ToString() => nameof(OpenedStore);
    }
}
