using CsCheck;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

public class ConversationEventCodecTests
{
    [Fact]
    public void Decode_returns_the_same_event_and_id_for_its_own_encoding()
    {
        var fixture = new ConversationFixture(1);
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent other = fixture.Write(fixture.Members[1], [], ConversationFixture.Epoch);
        ConversationEvent child = fixture.Write(fixture.Members[2], [other.Id, root.Id], ConversationFixture.Epoch + 5, "hello");

        ConversationEvent decoded = ConversationEvent.Decode(child.ToBytes()).Value;

        Assert.Equal(child.Id, decoded.Id);
        Assert.Equal(child.ToBytes(), decoded.ToBytes());
        Assert.Equal(new[] { root.Id, other.Id }.Order(), decoded.Parents);
        Assert.Equal(fixture.Members[2].Device, decoded.Author);
        Assert.Equal(ConversationFixture.Epoch + 5, decoded.TimestampUnixMs);
        Assert.Equal("hello"u8.ToArray(), decoded.Ciphertext.ToArray());
        Assert.Equal(fixture.Members[2].ChainId, decoded.ChainId.ToArray());
        Assert.Equal(fixture.Members[2].SigningKey, decoded.SigningKey.ToArray());
    }

    [Fact]
    public void The_id_covers_the_signature_so_a_re_signed_event_is_another_event()
    {
        var fixture = new ConversationFixture(2);
        ConversationEvent signed = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        byte[] otherSignature = signed.Signature.ToArray();
        otherSignature[0] ^= 1;

        var resigned = new ConversationEvent(signed.Conversation, signed.Author, signed.Parents, signed.TimestampUnixMs,
            signed.ChainId, signed.ChainIndex, signed.SigningKey, signed.Ciphertext, otherSignature);

        Assert.Equal(signed.SignedContent(), resigned.SignedContent());
        Assert.NotEqual(signed.Id, resigned.Id);
    }

    [Fact]
    public void Decode_rejects_parents_out_of_order_or_repeated_so_each_event_has_one_encoding()
    {
        var fixture = new ConversationFixture(3);
        ConversationEvent a = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent b = fixture.Write(fixture.Members[1], [], ConversationFixture.Epoch);
        ConversationEvent child = fixture.Write(fixture.Members[2], [a.Id, b.Id], ConversationFixture.Epoch);
        const int firstParent = 1 + 32 + 32 + 1;

        byte[] swapped = child.ToBytes();
        child.Parents[1].Span.CopyTo(swapped.AsSpan(firstParent));
        child.Parents[0].Span.CopyTo(swapped.AsSpan(firstParent + 32));
        byte[] repeated = child.ToBytes();
        child.Parents[0].Span.CopyTo(repeated.AsSpan(firstParent + 32));

        Assert.Equal(WireErrors.Malformed, ConversationEvent.Decode(swapped).Error);
        Assert.Equal(WireErrors.Malformed, ConversationEvent.Decode(repeated).Error);
    }

    [Fact]
    public void Decode_rejects_too_many_parents_and_oversized_ciphertext_unread()
    {
        var fixture = new ConversationFixture(4);
        ConversationEvent e = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        byte[] manyParents = e.ToBytes();
        manyParents[1 + 32 + 32] = Limits.MaxEventParents + 1;
        byte[] bigCiphertextLength = e.ToBytes();
        int lengthOffset = 1 + 32 + 32 + 1 + 8 + 32 + 4 + 32;
        bigCiphertextLength[lengthOffset + 1] = 0x01; // 65,536 + 2 > MaxEventCiphertext

        Assert.Equal(WireErrors.Oversized, ConversationEvent.Decode(manyParents).Error);
        Assert.Equal(WireErrors.Oversized, ConversationEvent.Decode(bigCiphertextLength).Error);
        Assert.Equal(WireErrors.Oversized, ConversationEvent.Decode(new byte[ConversationEvent.MaxEncodedSize + 1]).Error);
        Assert.Throws<ArgumentException>(() => fixture.Write(fixture.Members[0], [], 0, new string('x', Limits.MaxEventCiphertext + 1)));
    }

    [Fact]
    public void Decode_rejects_every_truncation_a_trailing_byte_and_an_unknown_version()
    {
        var fixture = new ConversationFixture(5);
        ConversationEvent a = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        byte[] bytes = fixture.Write(fixture.Members[1], [a.Id], ConversationFixture.Epoch, "abc").ToBytes();

        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(WireErrors.Truncated, ConversationEvent.Decode(bytes.AsSpan(0, length)).Error);
        }

        Assert.Equal(WireErrors.TrailingBytes, ConversationEvent.Decode([.. bytes, 0]).Error);
        byte[] future = (byte[])bytes.Clone();
        future[0] = 2;
        Assert.Equal(WireErrors.UnknownVersion, ConversationEvent.Decode(future).Error);
    }

    [Fact]
    public void Decode_rejects_a_timestamp_beyond_the_signed_range()
    {
        var fixture = new ConversationFixture(6);
        byte[] bytes = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch).ToBytes();
        bytes[1 + 32 + 32 + 1] = 0x80;

        Assert.Equal(WireErrors.Malformed, ConversationEvent.Decode(bytes).Error);
    }

    [Fact]
    public void Decode_never_throws_on_random_bytes_or_random_mutations()
    {
        var fixture = new ConversationFixture(7);
        ConversationEvent a = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        byte[] valid = fixture.Write(fixture.Members[1], [a.Id], ConversationFixture.Epoch, "abc").ToBytes();

        Gen.Byte.Array[0, 400].Sample(bytes => { _ = ConversationEvent.Decode(bytes); });
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Sample((position, value) =>
        {
            byte[] mutated = (byte[])valid.Clone();
            mutated[position] = value;
            Result<ConversationEvent> decoded = ConversationEvent.Decode(mutated);
            Assert.True(decoded.IsOk || decoded.Error is not null);
            if (decoded.IsOk)
            {
                Assert.Equal(mutated, decoded.Value.ToBytes());
            }
        });
    }

    [Fact]
    public void ToString_shows_the_id_but_not_the_content()
    {
        var fixture = new ConversationFixture(8);
        ConversationEvent e = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch, "secret words");

        Assert.Contains(e.Id.ToString(), e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(e.Ciphertext), e.ToString(), StringComparison.Ordinal);
        Assert.Equal(EventId.Size, e.Id.Span.Length);
    }
}
