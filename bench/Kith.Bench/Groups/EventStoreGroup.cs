using System.Security.Cryptography;
using System.Text;
using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Protocol.SenderKeys;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Bench.Groups;

/// <summary>
/// Durable send (issue 4, "Benchmarks"): seal a 100-character text message (padded to 160 bytes, as sent) with
/// the author's sender chain and sign the event with the chain's key, both through <see cref="ContentSealer"/>, the
/// product's send path; commit the event together with the advanced chain state to an encrypted SQLite store
/// (WAL, <c>synchronous = FULL</c>) in a temporary folder. Each event names the previous one of its sender as its
/// parent, as a device writing alone does. Four ways:
/// <list type="bullet">
/// <item><c>durable_send_per_s</c>: <see cref="Senders"/> concurrent senders (one conversation each), every
/// message its own step through a <see cref="GroupCommitter"/>; a sender continues only once its message has
/// committed, so every message is individually durable, and steps that wait during one fsync share the next.</item>
/// <item><c>durable_send_lone_per_s</c>: one sender, commit then next: one fsync per message, whatever the code.</item>
/// <item><c>durable_send_batched_per_s</c>: <see cref="BatchSenders"/> concurrent senders (one conversation each),
/// each step <see cref="BatchSize"/> messages of one sender and its chain state written once (after its last
/// message), steps group-committed: a batch commits or rolls back as a whole, so the intermediate states would only
/// ever be overwritten before anyone could read them. Sealing and signing run on every core, as in the per-message
/// figure; the commits on one thread.</item>
/// <item><c>durable_send_batched_one_sender_per_s</c>: the same batches from one sender on one thread: bound by one
/// core, because each of its events names the previous one's id, which covers the previous signature.</item>
/// </list>
/// </summary>
public sealed class EventStoreGroup : IBenchmarkGroup
{
    /// <summary>Messages committed per transaction in the batched figure.</summary>
    public const int BatchSize = 100;

    /// <summary>Concurrent senders in the group-commit figure (a node serving many conversations at once).</summary>
    public const int Senders = 64;

    /// <summary>
    /// Concurrent senders in the batched figure (a node serving several conversations at once): many more than the
    /// cores, so that while some senders' batches commit (SQLite writes on one thread, then an fsync) others seal
    /// and sign on every core. Measured here: 4 senders gave 22,800/s, 8 gave 22,500, 16 gave 25,700 to 29,100,
    /// 32 gave 28,900 and 64 gave 21,700.
    /// </summary>
    public const int BatchSenders = 16;

    private const double PerMessageTarget = 3_000;
    private const double BatchedTarget = 30_000;

    private const int MessageSize = 100;
    private const string ChainStateKind = "sender-chain";

    /// <inheritdoc/>
    public string Name => "event-store";

    /// <inheritdoc/>
    public string Description => "durable send: sender-key encrypt + sign + SQLite commit, per message (group commit, lone) and batched";

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IRandomSource random = SystemRandomSource.Instance;
        DirectoryInfo folder = Directory.CreateTempSubdirectory("kith-bench-events-");
        try
        {
            using KithDatabase database = KithDatabase.Create(folder.FullName, Encoding.UTF8.GetBytes("bench passphrase"),
                new KithDatabaseOptions { Random = random }).Value;
            using var writer = new Writer(random);
            var committer = new GroupCommitter(database);
            WithWriters(Senders, random, senders =>
            {
                Measurement grouped = context.Measure($"encrypt + sign + commit, {Senders} concurrent senders, each message its own group-committed step", count =>
                    SendConcurrently(committer, senders, count));
                context.Report("durable_send_per_s", grouped.PerSecond, "msgs/s");
                context.ReportRatio("durable_send_vs_target", grouped.PerSecond / PerMessageTarget);
            });

            Measurement lone = context.Measure("encrypt + sign + commit, one sender, one message per transaction", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    database.RunInTransaction(transaction => writer.Send(transaction));
                }
            });
            context.Report("durable_send_lone_per_s", lone.PerSecond, "msgs/s");

            WithWriters(BatchSenders, random, senders =>
            {
                Measurement batched = context.Measure($"encrypt + sign + commit, {BatchSenders} senders sealing on every core, {BatchSize} messages per step, steps group-committed", count =>
                    SendBatchesConcurrently(committer, senders, count));
                context.Report("durable_send_batched_per_s", batched.PerSecond, "msgs/s");
                context.ReportRatio("durable_send_batched_vs_target", batched.PerSecond / BatchedTarget);
            });

            // One sender cannot sign in parallel (each event names the previous one's id, which covers its signature),
            // so alone it is bound by one core: one Ed25519 signature (~21 us here) plus its share of the store.
            Measurement oneSender = context.Measure($"encrypt + sign + commit, one sender, {BatchSize} messages per transaction", count =>
            {
                for (long done = 0; done < count;)
                {
                    long batch = Math.Min(BatchSize, count - done);
                    database.RunInTransaction(transaction =>
                    {
                        for (long j = 0; j < batch; j++)
                        {
                            writer.Append(transaction, writer.Write());
                        }

                        writer.SaveState(transaction);
                        return batch;
                    });
                    done += batch;
                }
            });
            context.Report("durable_send_batched_one_sender_per_s", oneSender.PerSecond, "msgs/s");

            // Not figures of their own: the '#' lines show how much of a batched send is sealing and signing, and how
            // that splits into the chain's Ed25519 signature (the floor: one per event) and its chain step + AEAD.
            context.Measure("encrypt + sign only, nothing stored", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    writer.Write();
                }
            });
            MeasureSplit(context, random, writer.Write());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The parts of one write, each alone on a chain of its own, over the sizes of <paramref name="sample"/>.</summary>
    private static void MeasureSplit(BenchContext context, IRandomSource random, ConversationEvent sample)
    {
        using var parts = new Writer(random);
        byte[] padded = MessageContentCodec.EncodePadded(new TextContent(new string('m', MessageSize)));
        // The size of the content binding of an event with one parent: label, conversation, author, timestamp, parents.
        byte[] associatedData = new byte[16 + Id32.Size + Id32.Size + 8 + 1 + Id32.Size];
        byte[] signedContent = sample.SignedContent();
        byte[] signature = new byte[ConversationEvent.SignatureSize];
        context.Measure($"  of which Ed25519 sign alone ({signedContent.Length} bytes)", count =>
        {
            for (long i = 0; i < count; i++)
            {
                parts.SignOnly(signedContent, signature);
            }
        });
        context.Measure($"  of which sender chain step + HKDF + ChaCha20-Poly1305 alone ({padded.Length} bytes)", count =>
        {
            for (long i = 0; i < count; i++)
            {
                parts.SealOnly(padded, associatedData);
            }
        });
    }

    /// <summary>Runs <paramref name="measure"/> with <paramref name="count"/> fresh writers, disposed after.</summary>
    private static void WithWriters(int count, IRandomSource random, Action<Writer[]> measure)
    {
        Writer[] writers = [.. Enumerable.Range(0, count).Select(_ => new Writer(random))];
        try
        {
            measure(writers);
        }
        finally
        {
            Array.ForEach(writers, writer => writer.Dispose());
        }
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages from all <paramref name="senders"/> at once: each seals and signs on
    /// its own (in parallel), then waits for its message's group commit before writing the next.
    /// </summary>
    private static void SendConcurrently(GroupCommitter committer, Writer[] senders, long count)
    {
        long remaining = count;
        async Task Sender(Writer writer)
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                ConversationEvent written = writer.Write();
                byte[] state = writer.State();
                await committer.RunAsync(transaction => writer.Store(transaction, written, state)).ConfigureAwait(false);
            }
        }

        Task.WhenAll(senders.Select(writer => Task.Run(() => Sender(writer)))).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages from all <paramref name="senders"/> at once, <see cref="BatchSize"/> per
    /// step: each sender seals and signs its batch on its own (in parallel), then waits for the step's group commit
    /// (its events and its chain state after the last of them) before sealing the next, while other senders seal.
    /// </summary>
    private static void SendBatchesConcurrently(GroupCommitter committer, Writer[] senders, long count)
    {
        long remaining = count;
        async Task Sender(Writer writer)
        {
            while (true)
            {
                long taken = Math.Min(BatchSize, Math.Max(0, Interlocked.Add(ref remaining, -BatchSize) + BatchSize));
                if (taken == 0)
                {
                    return;
                }

                var written = new ConversationEvent[taken];
                for (int i = 0; i < written.Length; i++)
                {
                    written[i] = writer.Write();
                }

                byte[] state = writer.State();
                await committer.RunAsync(transaction => writer.StoreBatch(transaction, written, state)).ConfigureAwait(false);
            }
        }

        Task.WhenAll(senders.Select(writer => Task.Run(() => Sender(writer)))).GetAwaiter().GetResult();
    }

    /// <summary>
    /// One author device with one sender chain, writing a linear run of events through the product's own sealing
    /// code (<see cref="ContentSealer"/>, what <c>ConversationReplica.Send</c> runs): the text padded as sent, sealed
    /// bound to the event header, and the event written once and signed in place.
    /// </summary>
    private sealed class Writer : IDisposable
    {
        private static readonly TextContent Message = new(new string('m', MessageSize));

        private readonly SenderChain _chain;
        private readonly DeviceId _author;
        private EventId? _last;
        private long _timestamp = 1_700_000_000_000;

        public Writer(IRandomSource random)
        {
            byte[] id = new byte[Id32.Size];
            random.Fill(id);
            ConversationId conversation = ConversationId.FromBytes(id);
            random.Fill(id);
            _author = DeviceId.FromBytes(id);
            _chain = SenderChain.Create(conversation, DateTimeOffset.FromUnixTimeMilliseconds(_timestamp), random);
        }

        public bool Send(KithTransaction transaction) => Store(transaction, Write(), State());

        /// <summary>The chain state after the last <see cref="Write"/>, to commit with its event.</summary>
        public byte[] State() => _chain.Serialize();

        /// <summary>Appends the event and the chain state in <paramref name="transaction"/>, then zeroes the state copy.</summary>
        public bool Store(KithTransaction transaction, ConversationEvent written, byte[] state)
        {
            try
            {
                Append(transaction, written);
                new SqliteStateStore(transaction).Write(ChainStateKind, _chain.ChainId, state);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(state);
            }

            return true;
        }

        /// <summary>Appends a batch of this sender's events and its chain state after the last of them, then zeroes the state copy.</summary>
        public bool StoreBatch(KithTransaction transaction, ConversationEvent[] written, byte[] state)
        {
            try
            {
                foreach (ConversationEvent e in written)
                {
                    Append(transaction, e);
                }

                new SqliteStateStore(transaction).Write(ChainStateKind, _chain.ChainId, state);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(state);
            }

            return true;
        }

        /// <summary>Appends the event alone; the chain state is written by <see cref="SaveState"/> before the commit.</summary>
        public void Append(KithTransaction transaction, ConversationEvent written)
        {
            new SqliteEventStore(transaction).Append(_chain.Conversation, written);
        }

        /// <summary>Writes the chain's current state in <paramref name="transaction"/>.</summary>
        public void SaveState(KithTransaction transaction)
        {
            byte[] state = State();
            try
            {
                new SqliteStateStore(transaction).Write(ChainStateKind, _chain.ChainId, state);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(state);
            }
        }

        /// <summary>Pads the message, seals it, signs the event on the previous one and advances the chain.</summary>
        public ConversationEvent Write()
        {
            EventId[] parents = _last is { } last ? [last] : [];
            byte[] padded = MessageContentCodec.EncodePadded(Message);
            ConversationEvent written = ContentSealer.Seal(_chain, _author, parents, _timestamp++, padded);
            _last = written.Id;
            return written;
        }

        /// <summary>The sender chain alone: one chain step and the content AEAD, no event (a '#' line of the split).</summary>
        public void SealOnly(ReadOnlySpan<byte> padded, ReadOnlySpan<byte> associatedData) => _chain.Encrypt(padded, associatedData);

        /// <summary>The chain's Ed25519 signature alone over <paramref name="content"/> (a '#' line of the split: the floor).</summary>
        public void SignOnly(ReadOnlySpan<byte> content, Span<byte> signature) => _chain.Sign(content, signature);

        public void Dispose() => _chain.Dispose();

        public override string ToString() => nameof(Writer);
    }
}
