using System.Text;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Storage.Tests.Support;

/// <summary>
/// A conversation whose member devices each hold one seeded sender chain, and the membership view that
/// authorises exactly those; writes real signed events for the event store suites.
/// </summary>
public sealed class EventSamples : IConversationMembership
{
    public const long Epoch = 1_700_000_000_000;

    private readonly SeededRandomSource _random;
    private readonly List<(DeviceId Device, byte[] ChainId, byte[] Seed, byte[] Key)> _members = [];
    private readonly uint[] _nextIndex;

    public EventSamples(ulong seed, int members = 2)
    {
        _random = new SeededRandomSource(seed);
        Conversation = ConversationId.FromBytes(Bytes(32));
        for (int i = 0; i < members; i++)
        {
            byte[] signingSeed = Bytes(32);
            byte[] key = new byte[Ed25519.PublicKeySize];
            Ed25519.DerivePublicKey(signingSeed, key);
            _members.Add((DeviceId.FromBytes(Bytes(32)), Bytes(32), signingSeed, key));
        }

        _nextIndex = new uint[members];
    }

    public ConversationId Conversation { get; }

    public ConversationEvent Write(int member, IEnumerable<EventId> parents, long timestamp, string text = "hi")
    {
        var (device, chainId, seed, _) = _members[member];
        return ConversationEventSigner.Sign(Conversation, device, parents, timestamp, chainId, _nextIndex[member]++,
            Encoding.UTF8.GetBytes(text), seed);
    }

    /// <summary>A DAG of <paramref name="count"/> events: each member writes on the log's heads, sometimes concurrently.</summary>
    public List<ConversationEvent> Dag(int count)
    {
        ConversationLog log = NewLog();
        var events = new List<ConversationEvent>();
        for (int i = 0; i < count; i++)
        {
            // Every third event reuses the previous event's parents: two writers that had not seen each other.
            IReadOnlyList<EventId> parents = i % 3 == 2 ? events[^1].Parents : log.ParentsForNextEvent();
            ConversationEvent written = Write(i % _members.Count, parents, Math.Max(Epoch + (i / 2), log.LatestTimestamp), $"message {i}");
            Assert.True(log.Add(written, Epoch + count).IsOk);
            events.Add(written);
        }

        return events;
    }

    public ConversationLog NewLog(Func<EventId, bool>? isRefused = null) => new(Conversation, this, isRefused: isRefused);

    public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs)
    {
        foreach (var (device, _, _, _) in _members)
        {
            if (conversation == Conversation && device == author)
            {
                return true;
            }
        }

        return false;
    }

    private byte[] Bytes(int length)
    {
        byte[] bytes = new byte[length];
        _random.Fill(bytes);
        return bytes;
    }
}
