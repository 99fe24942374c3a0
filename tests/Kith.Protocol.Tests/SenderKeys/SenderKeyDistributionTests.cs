using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

public class SenderKeyDistributionTests
{
    [Fact]
    public void The_encoding_round_trips_every_field()
    {
        using var fixture = new SenderKeyFixture();
        _ = fixture.EncryptMany(2);
        using SenderKeyDistribution sent = fixture.Author.CreateDistribution();
        byte[] bytes = sent.ToBytes();
        using SenderKeyDistribution received = SenderKeyDistribution.Decode(bytes).Value;

        Assert.Equal(SenderKeyDistribution.EncodedSize, bytes.Length);
        Assert.Equal(SenderKeyDistribution.Version, bytes[0]);
        Assert.True(received.ChainId.SequenceEqual(fixture.Author.ChainId));
        Assert.Equal(fixture.Conversation, received.Conversation);
        Assert.Equal(2u, received.Index);
        Assert.True(received.ChainKey.FixedTimeEquals(sent.ChainKey.Span));
        Assert.True(received.SigningPublicKey.SequenceEqual(fixture.Author.SigningPublicKey));
    }

    [Fact]
    public void Truncated_extended_and_unknown_version_encodings_are_rejected()
    {
        var random = new SeededRandomSource(5);
        using var chainKey = SecretBytes.Random(32, random);
        using var distribution = new SenderKeyDistribution(new byte[32], ConversationId.FromBytes(new byte[32]), 1, chainKey.Clone(), new byte[32]);
        byte[] bytes = distribution.ToBytes();
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(WireErrors.Truncated, SenderKeyDistribution.Decode(bytes.AsSpan(0, length)).Error);
        }

        Assert.Equal(WireErrors.TrailingBytes, SenderKeyDistribution.Decode([.. bytes, 0]).Error);
        bytes[0] = 2;
        Assert.Equal(WireErrors.UnknownVersion, SenderKeyDistribution.Decode(bytes).Error);
    }

    [Fact]
    public void A_distribution_refuses_fields_of_the_wrong_size() =>
        Assert.Throws<ArgumentException>(() => new SenderKeyDistribution(new byte[31], default, 0, new SecretBytes(32), new byte[32]));
}
