using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

/// <summary>An author's chain and a member's copy of it, on seeded randomness and a fixed clock.</summary>
internal sealed class SenderKeyFixture : IDisposable
{
    internal static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal SenderKeyFixture(ulong seed = 7)
    {
        Random = new SeededRandomSource(seed);
        byte[] conversation = new byte[ConversationId.Size];
        Random.Fill(conversation);
        Conversation = ConversationId.FromBytes(conversation);
        byte[] author = new byte[DeviceId.Size];
        Random.Fill(author);
        AuthorDevice = DeviceId.FromBytes(author);
        Author = SenderChain.Create(Conversation, Start, Random);
        Member = Receive(Author);
    }

    internal SeededRandomSource Random { get; }

    internal ConversationId Conversation { get; }

    internal DeviceId AuthorDevice { get; }

    internal SenderChain Author { get; }

    internal ReceivedSenderChain Member { get; }

    /// <summary>A member's copy made from <paramref name="chain"/>'s current distribution, through its encoding.</summary>
    internal ReceivedSenderChain Receive(SenderChain chain)
    {
        using SenderKeyDistribution distribution = chain.CreateDistribution();
        using SenderKeyDistribution decoded = SenderKeyDistribution.Decode(distribution.ToBytes()).Value;
        return ReceivedSenderChain.FromDistribution(AuthorDevice, decoded);
    }

    internal static byte[] Text(int i) => System.Text.Encoding.UTF8.GetBytes($"message {i}");

    internal static byte[] Header(int i) => System.Text.Encoding.UTF8.GetBytes($"header {i}");

    /// <summary>Encrypts messages 0..count-1 of the fixture's plaintexts and headers.</summary>
    internal SenderKeyMessage[] EncryptMany(int count)
    {
        var messages = new SenderKeyMessage[count];
        for (int i = 0; i < count; i++)
        {
            messages[i] = Author.Encrypt(Text(i), Header(i));
        }

        return messages;
    }

    public void Dispose()
    {
        Author.Dispose();
        Member.Dispose();
    }
}
