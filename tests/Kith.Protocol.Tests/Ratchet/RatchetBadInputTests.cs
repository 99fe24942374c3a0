using CsCheck;
using Kith.Protocol.Ratchet;
using Kith.Wire;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>Decoders of untrusted and stored bytes return errors for anything and never throw.</summary>
public class RatchetBadInputTests
{
    [Fact]
    public void Deserialize_returns_an_error_for_random_garbage()
    {
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            var result = RatchetSession.Deserialize(bytes);
            Assert.False(result.IsOk);
        }, iter: 2000);
    }

    [Fact]
    public void Deserialize_returns_an_error_for_garbage_behind_a_valid_version_byte()
    {
        Gen.Byte.Array[0, 2048].Sample(bytes =>
        {
            var result = RatchetSession.Deserialize([RatchetStateCodec.CurrentVersion, .. bytes]);
            Assert.Equal(RatchetErrors.BadState, result.Error);
        }, iter: 2000);
    }

    [Fact]
    public void Deserialize_rejects_every_truncation_and_extension_of_a_real_state()
    {
        byte[] state = StateWithSkippedKeys();
        for (int length = 0; length < state.Length; length++)
        {
            Assert.False(RatchetSession.Deserialize(state.AsSpan(0, length)).IsOk, $"length {length} was accepted");
        }

        Assert.False(RatchetSession.Deserialize([.. state, 0]).IsOk);
        Assert.Equal(RatchetErrors.UnknownStateVersion, RatchetSession.Deserialize([2, .. state.AsSpan(1)]).Error);
    }

    [Fact]
    public void Deserialize_never_throws_on_any_single_bit_flip_of_a_real_state()
    {
        byte[] state = StateWithSkippedKeys();
        for (int bit = 0; bit < state.Length * 8; bit++)
        {
            byte[] flipped = (byte[])state.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = RatchetSession.Deserialize(flipped);
            if (result.IsOk)
            {
                // Key bytes may flip into another valid state, which must then round-trip exactly.
                using RatchetSession session = result.Value;
                Assert.Equal(flipped, session.Serialize());
            }
        }
    }

    [Fact]
    public void Deserialize_rejects_a_low_order_peer_ratchet_key()
    {
        using var pair = RatchetPair.Create(702);
        byte[] state = pair.Alice.Serialize();
        const int peerKeyOffset = 1 + 1 + RatchetState.SecretsSize;
        state.AsSpan(peerKeyOffset, 32).Clear();
        Assert.Equal(RatchetErrors.BadState, RatchetSession.Deserialize(state).Error);
    }

    [Fact]
    public void Message_decoder_and_decrypt_return_errors_for_random_garbage_and_change_nothing()
    {
        using var pair = RatchetPair.Create(700);
        RatchetPair.Open(pair.Bob, pair.AliceSends("hi"));
        byte[] before = pair.Bob.Serialize();
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            _ = RatchetMessage.TryDecode(bytes, out _, out _);
            Assert.False(pair.Bob.Decrypt(bytes).IsOk);
            Assert.False(pair.Bob.Decrypt([RatchetMessage.CurrentVersion, .. bytes]).IsOk);
        }, iter: 2000);
        Assert.Equal(before, pair.Bob.Serialize());
    }

    [Fact]
    public void Message_decoder_names_the_framing_error()
    {
        Assert.False(RatchetMessage.TryDecode([], out _, out var error));
        Assert.Equal(WireErrors.Truncated, error);
        Assert.False(RatchetMessage.TryDecode(new byte[RatchetMessage.Overhead], out _, out error));
        Assert.Equal(WireErrors.UnknownVersion, error);
        Assert.False(RatchetMessage.TryDecode([RatchetMessage.CurrentVersion, .. new byte[RatchetMessage.Overhead - 2]], out _, out error));
        Assert.Equal(WireErrors.Truncated, error);
        Assert.False(RatchetMessage.TryDecode([RatchetMessage.CurrentVersion, .. new byte[RatchetMessage.MaxSize]], out _, out error));
        Assert.Equal(WireErrors.Oversized, error);
        Assert.True(RatchetMessage.TryDecode([RatchetMessage.CurrentVersion, .. new byte[RatchetMessage.Overhead - 1]], out var empty, out _));
        Assert.Equal(0, empty.PlaintextLength);
    }

    [Fact]
    public void Header_decoder_rejects_wrong_lengths()
    {
        Assert.False(RatchetHeader.TryDecode(new byte[RatchetHeader.Size - 1], out _, out _));
        Assert.False(RatchetHeader.TryDecode(new byte[RatchetHeader.Size + 1], out _, out _));
        Assert.True(RatchetHeader.TryDecode(new byte[RatchetHeader.Size], out _, out _));
    }

    private static byte[] StateWithSkippedKeys()
    {
        using var pair = RatchetPair.Create(701);
        pair.AliceSends("lost 0");
        RatchetPair.Open(pair.Bob, pair.AliceSends("a1"));
        pair.BobSends("lost b0");
        RatchetPair.Open(pair.Alice, pair.BobSends("b1"));
        pair.AliceSends("lost a2");
        RatchetPair.Open(pair.Bob, pair.AliceSends("a3"));
        Assert.Equal(2, pair.Bob.State.Skipped.Chains.Count);
        return pair.Bob.Serialize();
    }
}
