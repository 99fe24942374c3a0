using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Bench.Groups;

/// <summary>
/// What keeping the display order costs per received message as a conversation grows (Kith.Protocol
/// Conversations README, "Display order"): one signed event appended on the heads of a log of 1,000 and of
/// 100,000 events, including the signature check, the insertion and the walk over the positions that moved (what
/// a replica rewrites). Beside it, what the replica paid per message before the order was kept incrementally:
/// a copy of the whole order and a position map of it.
/// </summary>
public sealed class DisplayOrderGroup : IBenchmarkGroup
{
    private const long FirstTimestamp = 1_700_000_000_000;

    /// <inheritdoc/>
    public string Name => "display-order";

    /// <inheritdoc/>
    public string Description => "cost per appended message of keeping the display order, at 1k and 100k events";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("display_append_100k_vs_1k", "display_append_100k_us", "display_append_1k_us"),
        new("display_full_copy_vs_append_100k", "display_full_copy_100k_us", "display_append_100k_us"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach ((int count, string label) in new[] { (1_000, "1k"), (100_000, "100k") })
        {
            var writer = new Writer(new SeededRandomSource((ulong)count));
            for (int i = 0; i < count; i++)
            {
                writer.AppendNext();
            }

            Measurement append = context.MeasureEach($"append one event to {label}", writer.Next, writer.Take);
            context.Report($"display_append_{label}_us", append.MedianNanoseconds / 1e3, "us");
            if (count == 100_000)
            {
                Measurement copy = context.Measure($"copy the order of {label} and map its positions", batch =>
                {
                    for (long i = 0; i < batch; i++)
                    {
                        IReadOnlyList<EventId> order = writer.Log.Order();
                        var positions = new Dictionary<EventId, int>(order.Count);
                        for (int p = 0; p < order.Count; p++)
                        {
                            positions.Add(order[p], p);
                        }
                    }
                });
                context.Report($"display_full_copy_{label}_us", copy.MedianNanoseconds / 1e3, "us");
            }
        }
    }

    /// <summary>One device writing alone, each event on the previous, as a replica receives them.</summary>
    private sealed class Writer : IConversationMembership
    {
        private readonly byte[] _seed = new byte[32];
        private readonly byte[] _chainId = new byte[32];
        private readonly byte[] _ciphertext = new byte[100];
        private readonly DeviceId _author;
        private readonly IRandomSource _random;
        private uint _index;
        private long _timestamp = FirstTimestamp;

        public Writer(IRandomSource random)
        {
            _random = random;
            byte[] id = new byte[32];
            random.Fill(id);
            Conversation = ConversationId.FromBytes(id);
            random.Fill(id);
            _author = DeviceId.FromBytes(id);
            random.Fill(_seed);
            random.Fill(_chainId);
            Log = new ConversationLog(Conversation, this);
        }

        public ConversationId Conversation { get; }

        public ConversationLog Log { get; }

        public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) => author == _author;

        /// <summary>The next event on the current heads, signed off the clock.</summary>
        public ConversationEvent Next()
        {
            _random.Fill(_ciphertext);
            return ConversationEventSigner.Sign(Conversation, _author, Log.ParentsForNextEvent(), _timestamp++, _chainId,
                _index++, _ciphertext, _seed);
        }

        public void AppendNext() => Take(Next());

        /// <summary>What a replica does per received event: add it, then walk the positions that moved.</summary>
        public void Take(ConversationEvent e)
        {
            _ = Log.Add(e, long.MaxValue).Value;
            int moved = 0;
            for (int p = Log.UnmovedPrefix; p < Log.Count; p++)
            {
                moved += Log.OrderAt(p).Span[0];
            }

            Log.MarkOrderSeen();
            GC.KeepAlive(moved);
        }

        public override string ToString() => nameof(Writer);
    }
}
