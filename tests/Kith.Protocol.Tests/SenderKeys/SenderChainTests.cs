using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.SenderKeys;

public class SenderChainTests
{
    [Fact]
    public void Messages_round_trip_in_order_and_indexes_count_up()
    {
        using var fixture = new SenderKeyFixture();
        for (int i = 0; i < 5; i++)
        {
            SenderKeyMessage message = fixture.Author.Encrypt(SenderKeyFixture.Text(i), SenderKeyFixture.Header(i));
            Assert.Equal((uint)i, message.Index);
            Assert.Equal(SenderKeyFixture.Text(i), fixture.Member.Decrypt(message.Index, message.Ciphertext, SenderKeyFixture.Header(i)).Value);
        }

        Assert.Equal(5u, fixture.Author.Index);
        Assert.Equal(5u, fixture.Member.NextIndex);
        Assert.Equal(0, fixture.Member.SkippedKeyCount);
    }

    [Fact]
    public void Equal_plaintexts_at_different_indexes_give_different_ciphertexts()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage first = fixture.Author.Encrypt("same"u8, "ad"u8);
        SenderKeyMessage second = fixture.Author.Encrypt("same"u8, "ad"u8);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void A_ciphertext_is_bound_to_its_associated_data_and_index()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage message = fixture.Author.Encrypt("hello"u8, "header"u8);
        byte[] before = fixture.Member.Serialize();
        Assert.Equal(SenderKeyErrors.BadMessage, fixture.Member.Decrypt(0, message.Ciphertext, "other"u8).Error);
        Assert.Equal(SenderKeyErrors.BadMessage, fixture.Member.Decrypt(1, message.Ciphertext, "header"u8).Error);
        Assert.Equal(before, fixture.Member.Serialize());
        Assert.True(fixture.Member.Decrypt(0, message.Ciphertext, "header"u8).IsOk);
    }

    [Fact]
    public void Signatures_verify_under_their_chain_only()
    {
        using var fixture = new SenderKeyFixture(1);
        using var other = new SenderKeyFixture(2);
        byte[] signature = fixture.Author.Sign("event bytes"u8);
        byte[] forged = other.Author.Sign("event bytes"u8);

        Assert.True(fixture.Member.Verify("event bytes"u8, signature));
        Assert.False(fixture.Member.Verify("event bytes"u8, forged));
        Assert.False(fixture.Member.Verify("other bytes"u8, signature));
        Assert.False(fixture.Member.Verify("event bytes"u8, signature.AsSpan(0, 63)));
        Assert.True(other.Member.Verify("event bytes"u8, forged));
    }

    [Fact]
    public void An_event_signed_in_its_own_buffer_carries_the_same_signature_and_verifies()
    {
        using var fixture = new SenderKeyFixture(1);
        var author = DeviceId.FromBytes(new byte[DeviceId.Size]);
        ConversationEvent e = ConversationEvent.Create(fixture.Conversation, author, [], 5, fixture.Author.ChainId, 0,
            fixture.Author.SigningPublicKey, "sealed"u8, fixture.Author.Sign);

        // Ed25519 is deterministic (RFC 8032 §5.1.6): the span overload and the array one sign alike.
        Assert.Equal(fixture.Author.Sign(e.SignedContent()), e.Signature.ToArray());
        Assert.True(fixture.Member.Verify(e.SignedContent(), e.Signature));
    }

    [Fact]
    public void Rotation_is_due_after_the_message_limit_the_age_limit_or_a_request()
    {
        var policy = new SenderChainRotationPolicy(MaxMessages: 3, MaxAgeMs: 60_000);
        using var fixture = new SenderKeyFixture();
        DateTimeOffset start = SenderKeyFixture.Start;
        Assert.False(fixture.Author.NeedsRotation(start, policy));
        _ = fixture.EncryptMany(2);
        Assert.False(fixture.Author.NeedsRotation(start, policy));
        _ = fixture.Author.Encrypt("third"u8, default);
        Assert.True(fixture.Author.NeedsRotation(start, policy));

        using var young = new SenderKeyFixture(3);
        Assert.False(young.Author.NeedsRotation(start.AddMilliseconds(59_999), policy));
        Assert.True(young.Author.NeedsRotation(start.AddMilliseconds(60_000), policy));

        using var member = new SenderKeyFixture(4);
        Assert.False(member.Author.NeedsRotation(start));
        member.Author.RequestRotation();
        Assert.True(member.Author.NeedsRotation(start));
    }

    [Fact]
    public void The_default_policy_uses_the_named_limits()
    {
        using var fixture = new SenderKeyFixture();
        DateTimeOffset start = SenderKeyFixture.Start;
        Assert.False(fixture.Author.NeedsRotation(start.AddMilliseconds(Limits.SenderChainMaxAgeMs - 1)));
        Assert.True(fixture.Author.NeedsRotation(start.AddMilliseconds(Limits.SenderChainMaxAgeMs)));
        _ = fixture.EncryptMany(Limits.SenderChainMaxMessages);
        Assert.True(fixture.Author.NeedsRotation(start));
    }

    [Fact]
    public void A_stored_author_chain_continues_where_it_left_off_and_keeps_its_signing_key()
    {
        using var fixture = new SenderKeyFixture();
        _ = fixture.EncryptMany(3);
        fixture.Author.RequestRotation();
        byte[] state = fixture.Author.Serialize();
        using SenderChain restored = SenderChain.Deserialize(state).Value;

        Assert.Equal(3u, restored.Index);
        Assert.True(restored.RotationRequested);
        Assert.Equal(fixture.Author.CreatedAtUnixMs, restored.CreatedAtUnixMs);
        Assert.True(restored.SigningPublicKey.SequenceEqual(fixture.Author.SigningPublicKey));
        Assert.Equal(fixture.Author.Encrypt("x"u8, "ad"u8).Ciphertext, restored.Encrypt("x"u8, "ad"u8).Ciphertext);
        Assert.True(fixture.Member.Verify("e"u8, restored.Sign("e"u8)));
    }

    [Fact]
    public void A_malformed_stored_author_chain_is_rejected_without_throwing()
    {
        using var fixture = new SenderKeyFixture();
        byte[] state = fixture.Author.Serialize();
        for (int length = 0; length < state.Length; length++)
        {
            Assert.False(SenderChain.Deserialize(state.AsSpan(0, length)).IsOk);
        }

        Assert.False(SenderChain.Deserialize([.. state, 0]).IsOk);
        byte[] badVersion = (byte[])state.Clone();
        badVersion[0] = 2;
        Assert.Equal(SenderKeyErrors.UnknownStateVersion, SenderChain.Deserialize(badVersion).Error);
        byte[] badFlags = (byte[])state.Clone();
        badFlags[^1] = 2;
        Assert.Equal(SenderKeyErrors.BadState, SenderChain.Deserialize(badFlags).Error);
    }

    [Fact]
    public void Printing_a_chain_reveals_no_key()
    {
        using var fixture = new SenderKeyFixture();
        byte[] state = fixture.Author.Serialize();
        using Kith.Wire.SenderKeys.SenderKeyDistribution distribution = fixture.Author.CreateDistribution();
        string text = fixture.Author.ToString() + fixture.Member.ToString() + distribution.ToString();
        // Chain key and signing seed sit at offsets 69 and 101 of the stored state.
        Assert.DoesNotContain(Convert.ToHexString(state, 69, 8), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(state, 101, 8), text, StringComparison.OrdinalIgnoreCase);
    }
}
