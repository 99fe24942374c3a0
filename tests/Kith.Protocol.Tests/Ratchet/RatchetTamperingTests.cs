using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>PROTOCOL.md property 1: a changed bit anywhere is rejected, and the rejection changes no state.</summary>
public class RatchetTamperingTests
{
    public enum Path
    {
        CurrentChain,
        RatchetStep,
        SkippedKey,
    }

    [Theory]
    [InlineData(Path.CurrentChain)]
    [InlineData(Path.RatchetStep)]
    [InlineData(Path.SkippedKey)]
    public void Decrypt_rejects_every_single_bit_flip_and_changes_no_state(Path path)
    {
        using var pair = RatchetPair.Create(100 + (ulong)path);
        byte[] message = Prepare(pair, path);
        byte[] before = pair.Bob.Serialize();
        for (int bit = 0; bit < message.Length * 8; bit++)
        {
            byte[] flipped = (byte[])message.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(pair.Bob.Decrypt(flipped).IsOk, $"bit {bit} was accepted");
        }

        Assert.Equal(before, pair.Bob.Serialize());
        Assert.Equal("target", RatchetPair.Open(pair.Bob, message));
    }

    [Theory]
    [InlineData(Path.CurrentChain)]
    [InlineData(Path.RatchetStep)]
    [InlineData(Path.SkippedKey)]
    public void Decrypt_rejects_every_truncation_and_extension_and_changes_no_state(Path path)
    {
        using var pair = RatchetPair.Create(200 + (ulong)path);
        byte[] message = Prepare(pair, path);
        byte[] before = pair.Bob.Serialize();
        for (int length = 0; length < message.Length; length++)
        {
            Assert.False(pair.Bob.Decrypt(message.AsSpan(0, length)).IsOk, $"length {length} was accepted");
        }

        Assert.False(pair.Bob.Decrypt([.. message, 0]).IsOk);
        Assert.Equal(before, pair.Bob.Serialize());
        Assert.Equal("target", RatchetPair.Open(pair.Bob, message));
    }

    [Fact]
    public void A_body_swapped_between_two_messages_is_rejected()
    {
        using var pair = RatchetPair.Create(300);
        byte[] first = pair.AliceSends("same size 1");
        byte[] second = pair.AliceSends("same size 2");
        byte[] spliced = [.. first.AsSpan(0, RatchetSession.MessageOverhead - 16), .. second.AsSpan(RatchetSession.MessageOverhead - 16)];
        byte[] before = pair.Bob.Serialize();
        Assert.Equal(RatchetErrors.BadMessage, pair.Bob.Decrypt(spliced).Error);
        Assert.Equal(before, pair.Bob.Serialize());
    }

    /// <summary>Leaves Bob about to receive a message reaching <paramref name="path"/>; returns it.</summary>
    internal static byte[] Prepare(RatchetPair pair, Path path)
    {
        switch (path)
        {
            case Path.CurrentChain:
                RatchetPair.Open(pair.Bob, pair.AliceSends("first"));
                return pair.AliceSends("target");
            case Path.RatchetStep:
                RatchetPair.Open(pair.Bob, pair.AliceSends("first"));
                RatchetPair.Open(pair.Alice, pair.BobSends("reply"));
                pair.AliceSends("skipped so that the step also skips keys");
                return pair.AliceSends("target");
            default:
                byte[] target = pair.AliceSends("target");
                RatchetPair.Open(pair.Bob, pair.AliceSends("later"));
                return target;
        }
    }
}
