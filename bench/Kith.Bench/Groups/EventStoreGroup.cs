using System.Security.Cryptography;
using System.Text;
using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;

namespace Kith.Bench.Groups;

/// <summary>
/// Durable send (issue 4, "Benchmarks"): seal a 100-byte message with the author's sender chain, sign the
/// event with the chain's key, and commit the event together with the advanced chain state to an encrypted
/// SQLite store (WAL, <c>synchronous = FULL</c>) in a temporary folder. Once with a commit per message (the
/// fsync dominates) and once with <see cref="BatchSize"/> messages per transaction. Each event names the
/// previous one as its parent, as a device writing alone does.
/// </summary>
public sealed class EventStoreGroup : IBenchmarkGroup
{
    /// <summary>Messages committed per transaction in the batched figure.</summary>
    public const int BatchSize = 100;

    private const int MessageSize = 100;
    private const string ChainStateKind = "sender-chain";

    /// <inheritdoc/>
    public string Name => "event-store";

    /// <inheritdoc/>
    public string Description => "durable send: sender-key encrypt + sign + SQLite commit, per message and batched";

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

            Measurement perCommit = context.Measure("encrypt + sign + commit, one message per transaction", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    database.RunInTransaction(transaction => writer.Send(transaction));
                }
            });
            context.Report("durable_send_per_s", perCommit.PerSecond, "msgs/s");

            Measurement batched = context.Measure($"encrypt + sign + commit, {BatchSize} messages per transaction", count =>
            {
                for (long done = 0; done < count;)
                {
                    long batch = Math.Min(BatchSize, count - done);
                    database.RunInTransaction(transaction =>
                    {
                        for (long j = 0; j < batch; j++)
                        {
                            writer.Send(transaction);
                        }

                        return batch;
                    });
                    done += batch;
                }
            });
            context.Report("durable_send_batched_per_s", batched.PerSecond, "msgs/s");

            // Not a figure of its own: the '#' line shows how much of a batched send is sealing and signing.
            context.Measure("encrypt + sign only, nothing stored", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    writer.Write();
                }
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One author device with one sender chain, writing a linear run of events.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SenderChain _chain;
        private readonly DeviceId _author;
        private readonly byte[] _plaintext = new byte[MessageSize];
        private EventId? _last;
        private long _timestamp = 1_700_000_000_000;

        public Writer(IRandomSource random)
        {
            byte[] id = new byte[Id32.Size];
            random.Fill(id);
            ConversationId conversation = ConversationId.FromBytes(id);
            random.Fill(id);
            _author = DeviceId.FromBytes(id);
            random.Fill(_plaintext);
            _chain = SenderChain.Create(conversation, DateTimeOffset.FromUnixTimeMilliseconds(_timestamp), random);
        }

        public bool Send(KithTransaction transaction)
        {
            ConversationEvent written = Write();
            if (!new SqliteEventStore(transaction).Append(_chain.Conversation, written))
            {
                throw new InvalidOperationException("A freshly written event was already stored while being measured.");
            }

            byte[] state = _chain.Serialize();
            try
            {
                new SqliteStateStore(transaction).Write(ChainStateKind, _chain.ChainId, state);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(state);
            }

            return true;
        }

        /// <summary>Seals the message, signs the event on the previous one and advances the chain.</summary>
        public ConversationEvent Write()
        {
            EventId[] parents = _last is { } last ? [last] : [];
            long timestamp = _timestamp++;
            uint index = _chain.Index;
            // The associated data binds the ciphertext to its conversation and author, as the event header would.
            byte[] header = [.. _chain.Conversation.Span, .. _author.Span];
            SenderKeyMessage sealedMessage = _chain.Encrypt(_plaintext, header);
            byte[] signed = ConversationEvent.SignedContentFor(_chain.Conversation, _author, parents, timestamp, _chain.ChainId,
                index, _chain.SigningPublicKey, sealedMessage.Ciphertext);
            var written = new ConversationEvent(_chain.Conversation, _author, parents, timestamp, _chain.ChainId, index,
                _chain.SigningPublicKey, sealedMessage.Ciphertext, _chain.Sign(signed));
            _last = written.Id;
            return written;
        }

        public void Dispose() => _chain.Dispose();

        public override string ToString() => nameof(Writer);
    }
}
