using System.Text;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;

namespace Kith.Storage.Tests.Support;

/// <summary>Seeded conversations and shown messages for the message store suites.</summary>
public sealed class MessageSamples
{
    private readonly SeededRandomSource _random;

    public MessageSamples(ulong seed)
    {
        _random = new SeededRandomSource(seed);
        Conversation = ConversationId.FromBytes(Bytes(32));
        Author = DeviceId.FromBytes(Bytes(32));
    }

    public ConversationId Conversation { get; }

    public DeviceId Author { get; }

    public ConversationId NewConversation() => ConversationId.FromBytes(Bytes(32));

    public ShownMessage Message(long position, string text = "hello") =>
        new(EventId.FromBytes(Bytes(32)), Author, 1_700_000_000_000 + position, position, Encoding.UTF8.GetBytes(text));

    /// <summary><paramref name="count"/> messages at positions 0 to count - 1.</summary>
    public List<ShownMessage> Messages(int count) => [.. Enumerable.Range(0, count).Select(i => Message(i, $"message {i}"))];

    public static void AssertSame(ShownMessage expected, ShownMessage? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Author, actual.Author);
        Assert.Equal(expected.TimestampUnixMs, actual.TimestampUnixMs);
        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(expected.Content.ToArray(), actual.Content.ToArray());
    }

    private byte[] Bytes(int length)
    {
        byte[] bytes = new byte[length];
        _random.Fill(bytes);
        return bytes;
    }
}
