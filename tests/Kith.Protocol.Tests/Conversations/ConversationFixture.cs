using System.Text;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>A conversation with member devices, each holding one sender chain's signing seed, and a
/// membership view that admits exactly those devices.</summary>
internal sealed class ConversationFixture : IConversationMembership
{
    public const long Epoch = 1_700_000_000_000;

    private readonly Dictionary<DeviceId, Member> _members = [];

    public ConversationFixture(ulong seed, int members = 3)
    {
        Random = new SeededRandomSource(seed);
        Conversation = ConversationId.FromBytes(RandomBytes(32));
        for (int i = 0; i < members; i++)
        {
            Member member = NewDevice();
            _members.Add(member.Device, member);
        }
    }

    public SeededRandomSource Random { get; }

    public ConversationId Conversation { get; }

    public IReadOnlyList<Member> Members => [.. _members.Values];

    /// <summary>A well-formed device with its own chain that is not a member.</summary>
    public Member NewDevice() => new(DeviceId.FromBytes(RandomBytes(32)), RandomBytes(32), RandomBytes(32));

    public ConversationLog NewLog(int maxPending = 1024, int maxPendingBytes = 8 * 1024 * 1024) =>
        new(Conversation, this, maxPending, maxPendingBytes);

    public ConversationEvent Write(Member author, IEnumerable<EventId> parents, long timestamp, string text = "hi") =>
        ConversationEventSigner.Sign(Conversation, author.Device, parents, timestamp, author.ChainId, author.NextIndex++,
            Encoding.UTF8.GetBytes(text), author.SigningSeed);

    /// <summary><paramref name="count"/> events by member <paramref name="member"/>, each on the previous one, without adding them anywhere.</summary>
    public List<ConversationEvent> Chain(int member, int count, ref long clock)
    {
        var events = new List<ConversationEvent>();
        for (int i = 0; i < count; i++)
        {
            EventId[] parents = events.Count == 0 ? [] : [events[^1].Id];
            events.Add(Write(Members[member], parents, clock++));
        }

        return events;
    }

    public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
        conversation == Conversation && _members.ContainsKey(author);

    public byte[] RandomBytes(int length)
    {
        byte[] bytes = new byte[length];
        Random.Fill(bytes);
        return bytes;
    }

    internal sealed class Member(DeviceId device, byte[] chainId, byte[] signingSeed)
    {
        public DeviceId Device { get; } = device;

        public byte[] ChainId { get; } = chainId;

        public byte[] SigningSeed { get; } = signingSeed;

        public byte[] SigningKey { get; } = DerivePublic(signingSeed);

        public uint NextIndex { get; set; }

        private static byte[] DerivePublic(byte[] seed)
        {
            byte[] key = new byte[Ed25519.PublicKeySize];
            Ed25519.DerivePublicKey(seed, key);
            return key;
        }
    }
}

/// <summary>Everything observable about a log, to prove a refusal changed nothing.</summary>
internal sealed record LogSnapshot(int Count, int Pending, string Heads, string Order, string Missing)
{
    public static LogSnapshot Of(ConversationLog log) => new(log.Count, log.PendingCount, string.Join(",", log.Heads),
        string.Join(",", log.Order()), string.Join(",", log.MissingParents()));
}
