using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

public class ReceivedSenderChainTests
{
    private static Result<byte[]> Read(ReceivedSenderChain member, SenderKeyMessage message, int i) =>
        member.Decrypt(message.Index, message.Ciphertext, SenderKeyFixture.Header(i));

    [Fact]
    public void Messages_out_of_order_within_the_skip_limit_all_decrypt_once()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(10);
        int[] order = [7, 2, 9, 0, 1, 8, 3, 6, 4, 5];
        foreach (int i in order)
        {
            Assert.Equal(SenderKeyFixture.Text(i), Read(fixture.Member, messages[i], i).Value);
        }

        Assert.Equal(0, fixture.Member.SkippedKeyCount);
        Assert.Equal(10u, fixture.Member.NextIndex);
    }

    [Fact]
    public void A_jump_of_exactly_the_skip_limit_decrypts_and_stores_every_skipped_key()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(Limits.SenderKeyMaxSkip + 1);
        int last = Limits.SenderKeyMaxSkip;
        Assert.True(Read(fixture.Member, messages[last], last).IsOk);
        Assert.Equal(Limits.SenderKeyMaxSkip, fixture.Member.SkippedKeyCount);
        Assert.True(Read(fixture.Member, messages[0], 0).IsOk);
    }

    [Fact]
    public void A_jump_beyond_the_skip_limit_is_rejected_and_changes_no_state()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(Limits.SenderKeyMaxSkip + 2);
        byte[] before = fixture.Member.Serialize();
        int beyond = Limits.SenderKeyMaxSkip + 1;

        Assert.Equal(SenderKeyErrors.TooManySkipped, Read(fixture.Member, messages[beyond], beyond).Error);
        Assert.Equal(before, fixture.Member.Serialize());
        Assert.Equal(SenderKeyErrors.TooManySkipped, fixture.Member.Decrypt(uint.MaxValue - 1, messages[0].Ciphertext, default).Error);
        Assert.Equal(SenderKeyErrors.BadMessage, fixture.Member.Decrypt(uint.MaxValue, messages[0].Ciphertext, default).Error);
        Assert.Equal(before, fixture.Member.Serialize());
        Assert.True(Read(fixture.Member, messages[0], 0).IsOk);
    }

    [Fact]
    public void Stored_skipped_keys_stay_within_their_limit_and_the_lowest_go_first()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(2 * Limits.SenderKeyMaxSkip + 2);
        Assert.True(Read(fixture.Member, messages[Limits.SenderKeyMaxSkip], Limits.SenderKeyMaxSkip).IsOk);
        int far = 2 * Limits.SenderKeyMaxSkip + 1;
        Assert.True(Read(fixture.Member, messages[far], far).IsOk);

        Assert.Equal(Limits.SenderKeyMaxSkippedMessageKeys, fixture.Member.SkippedKeyCount);
        Assert.Equal(SenderKeyErrors.DuplicateMessage, Read(fixture.Member, messages[0], 0).Error);
        Assert.True(Read(fixture.Member, messages[far - 1], far - 1).IsOk);
    }

    [Fact]
    public void A_replayed_index_is_rejected_whether_it_was_read_in_order_or_skipped()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(3);
        Assert.True(Read(fixture.Member, messages[2], 2).IsOk);
        Assert.True(Read(fixture.Member, messages[0], 0).IsOk);
        byte[] before = fixture.Member.Serialize();

        Assert.Equal(SenderKeyErrors.DuplicateMessage, Read(fixture.Member, messages[2], 2).Error);
        Assert.Equal(SenderKeyErrors.DuplicateMessage, Read(fixture.Member, messages[0], 0).Error);
        Assert.Equal(before, fixture.Member.Serialize());
        Assert.True(Read(fixture.Member, messages[1], 1).IsOk);
    }

    [Fact]
    public void Decrypt_rejects_every_single_bit_flip_and_changes_no_state()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(3);
        Assert.True(Read(fixture.Member, messages[0], 0).IsOk);
        Assert.True(Read(fixture.Member, messages[2], 2).IsOk);
        byte[] before = fixture.Member.Serialize();

        // Index 1 is a stored skipped key, index 3 lies ahead of the chain: both paths must hold.
        SenderKeyMessage next = fixture.Author.Encrypt(SenderKeyFixture.Text(3), SenderKeyFixture.Header(3));
        foreach ((SenderKeyMessage message, int i) in new[] { (messages[1], 1), (next, 3) })
        {
            for (int bit = 0; bit < message.Ciphertext.Length * 8; bit++)
            {
                byte[] flipped = (byte[])message.Ciphertext.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.Equal(SenderKeyErrors.BadMessage, fixture.Member.Decrypt(message.Index, flipped, SenderKeyFixture.Header(i)).Error);
            }

            Assert.Equal(SenderKeyErrors.BadMessage, fixture.Member.Decrypt(message.Index, message.Ciphertext.AsSpan(0, 15), SenderKeyFixture.Header(i)).Error);
            Assert.Equal(before, fixture.Member.Serialize());
        }

        Assert.True(Read(fixture.Member, messages[1], 1).IsOk);
        Assert.True(Read(fixture.Member, next, 3).IsOk);
    }

    [Fact]
    public void A_copy_of_the_state_taken_after_reading_a_message_cannot_read_it_again()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(4);
        Assert.True(Read(fixture.Member, messages[3], 3).IsOk);
        Assert.True(Read(fixture.Member, messages[1], 1).IsOk);
        using ReceivedSenderChain stolen = ReceivedSenderChain.Deserialize(fixture.Member.Serialize()).Value;

        Assert.Equal(SenderKeyErrors.DuplicateMessage, Read(stolen, messages[3], 3).Error);
        Assert.Equal(SenderKeyErrors.DuplicateMessage, Read(stolen, messages[1], 1).Error);
        Assert.True(Read(stolen, messages[0], 0).IsOk);
        Assert.True(Read(stolen, messages[2], 2).IsOk);
    }

    [Fact]
    public void A_chain_key_at_index_n_cannot_read_messages_before_n()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] early = fixture.EncryptMany(3);
        using ReceivedSenderChain late = fixture.Receive(fixture.Author);
        SenderKeyMessage third = fixture.Author.Encrypt("later"u8, "ad"u8);

        Assert.Equal(3u, late.FirstIndex);
        for (int i = 0; i < early.Length; i++)
        {
            Assert.Equal(SenderKeyErrors.BeforeChain, Read(late, early[i], i).Error);
        }

        Assert.Equal("later"u8.ToArray(), late.Decrypt(third.Index, third.Ciphertext, "ad"u8).Value);
    }

    [Fact]
    public void The_author_state_after_encrypting_holds_no_key_of_earlier_messages()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage first = fixture.Author.Encrypt("first"u8, "ad"u8);
        // The author's stored state, handed to a member as if stolen, starts after the message it sealed.
        using ReceivedSenderChain fromStolenState = fixture.Receive(fixture.Author);
        Assert.Equal(SenderKeyErrors.BeforeChain, fromStolenState.Decrypt(first.Index, first.Ciphertext, "ad"u8).Error);
        Assert.True(fixture.Member.Decrypt(first.Index, first.Ciphertext, "ad"u8).IsOk);
    }

    [Fact]
    public void Oversized_input_is_rejected_before_any_work()
    {
        using var fixture = new SenderKeyFixture();
        byte[] before = fixture.Member.Serialize();
        Assert.Equal(SenderKeyErrors.Oversized, fixture.Member.Decrypt(0, new byte[Limits.SenderKeyMaxPlaintextSize + 17], default).Error);
        Assert.Equal(SenderKeyErrors.Oversized, fixture.Member.Decrypt(0, new byte[32], new byte[Limits.SenderKeyMaxAssociatedDataSize + 1]).Error);
        Assert.Equal(before, fixture.Member.Serialize());
        _ = Assert.Throws<ArgumentException>(() => fixture.Author.Encrypt(new byte[Limits.SenderKeyMaxPlaintextSize + 1], default));
    }

    [Fact]
    public void A_stored_member_chain_round_trips_with_its_skipped_keys()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(5);
        Assert.True(Read(fixture.Member, messages[4], 4).IsOk);
        byte[] state = fixture.Member.Serialize();
        using ReceivedSenderChain restored = ReceivedSenderChain.Deserialize(state).Value;

        Assert.Equal(state, restored.Serialize());
        Assert.Equal(fixture.AuthorDevice, restored.Author);
        Assert.Equal(fixture.Conversation, restored.Conversation);
        Assert.True(restored.ChainId.SequenceEqual(fixture.Author.ChainId));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(SenderKeyFixture.Text(i), Read(restored, messages[i], i).Value);
        }
    }

    [Fact]
    public void A_malformed_stored_member_chain_is_rejected_without_throwing()
    {
        using var fixture = new SenderKeyFixture();
        SenderKeyMessage[] messages = fixture.EncryptMany(3);
        Assert.True(Read(fixture.Member, messages[2], 2).IsOk);
        byte[] state = fixture.Member.Serialize();
        for (int length = 0; length < state.Length; length++)
        {
            Assert.False(ReceivedSenderChain.Deserialize(state.AsSpan(0, length)).IsOk);
        }

        Assert.False(ReceivedSenderChain.Deserialize([.. state, 0]).IsOk);
        byte[] badVersion = (byte[])state.Clone();
        badVersion[0] = 9;
        Assert.Equal(SenderKeyErrors.UnknownStateVersion, ReceivedSenderChain.Deserialize(badVersion).Error);

        // Skipped entries start after the 171-byte fixed part; swapping the two makes them unordered.
        const int Entries = 1 + 4 * 32 + 4 + 4 + 32 + 2;
        byte[] unordered = (byte[])state.Clone();
        state.AsSpan(Entries, 36).CopyTo(unordered.AsSpan(Entries + 36));
        state.AsSpan(Entries + 36, 36).CopyTo(unordered.AsSpan(Entries));
        Assert.Equal(SenderKeyErrors.BadState, ReceivedSenderChain.Deserialize(unordered).Error);

        byte[] firstAfterNext = (byte[])state.Clone();
        firstAfterNext[1 + 4 * 32 + 3] = 9;
        Assert.Equal(SenderKeyErrors.BadState, ReceivedSenderChain.Deserialize(firstAfterNext).Error);
    }
}
