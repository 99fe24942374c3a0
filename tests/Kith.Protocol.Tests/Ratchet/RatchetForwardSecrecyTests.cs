using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>PROTOCOL.md properties 2 and 4: keys that decrypted a message are gone, so replays fail and a later state cannot read it.</summary>
public class RatchetForwardSecrecyTests
{
    [Theory]
    [InlineData(RatchetTamperingTests.Path.CurrentChain)]
    [InlineData(RatchetTamperingTests.Path.RatchetStep)]
    [InlineData(RatchetTamperingTests.Path.SkippedKey)]
    public void A_decrypted_message_cannot_be_decrypted_again_nor_by_a_later_copy_of_the_state(RatchetTamperingTests.Path path)
    {
        using var pair = RatchetPair.Create(400 + (ulong)path);
        byte[] message = RatchetTamperingTests.Prepare(pair, path);
        using (RatchetSession before = RatchetPair.Copy(pair.Bob))
        {
            Assert.True(RatchetAttacker.FromSession(before).CanDecrypt(message), "the attacker model is too weak to mean anything");
        }

        Assert.Equal("target", RatchetPair.Open(pair.Bob, message));

        byte[] after = pair.Bob.Serialize();
        Assert.False(pair.Bob.Decrypt(message).IsOk);
        Assert.Equal(after, pair.Bob.Serialize());

        using RatchetSession stolen = RatchetPair.Copy(pair.Bob);
        Assert.False(stolen.Decrypt(message).IsOk);
        Assert.False(RatchetAttacker.FromSession(stolen).CanDecrypt(message), "a key derivable from the later state opens the message");
    }

    [Fact]
    public void A_replay_in_the_current_chain_is_reported_as_a_duplicate()
    {
        using var pair = RatchetPair.Create(410);
        byte[] message = pair.AliceSends("once");
        RatchetPair.Open(pair.Bob, message);
        RatchetPair.Open(pair.Bob, pair.AliceSends("twice"));
        Assert.Equal(RatchetErrors.DuplicateMessage, pair.Bob.Decrypt(message).Error);
    }

    [Fact]
    public void The_sender_state_cannot_read_its_own_past_messages()
    {
        using var pair = RatchetPair.Create(420);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        RatchetPair.Open(pair.Alice, pair.BobSends("b0"));
        RatchetPair.Open(pair.Bob, pair.AliceSends("a1"));
        using RatchetSession before = RatchetPair.Copy(pair.Alice);
        byte[] a2 = pair.AliceSends("a2");
        Assert.True(RatchetAttacker.FromSession(before).CanDecrypt(a2));
        Assert.False(RatchetAttacker.FromSession(pair.Alice).CanDecrypt(a2));
    }
}
