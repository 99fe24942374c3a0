using Kith.Crypto;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

public class CipherStateTests
{
    private static readonly byte[] Key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static CipherState Keyed()
    {
        var state = new CipherState();
        state.InitializeKey(Key);
        return state;
    }

    private static byte[] Encrypt(CipherState state, byte[] plaintext)
    {
        var ciphertext = new byte[state.CiphertextLength(plaintext.Length)];
        Assert.Equal(ciphertext.Length, state.EncryptWithAd("ad"u8, plaintext, ciphertext).Value);
        return ciphertext;
    }

    [Fact]
    public void Nonce_is_encoded_as_32_zero_bits_then_the_counter_little_endian()
    {
        byte[] nonce = Convert.FromHexString("000000000807060504030201");
        using CipherState state = Keyed();
        state.SetNonce(0x0102030405060708);
        byte[] ciphertext = Encrypt(state, "p"u8.ToArray());
        var expected = new byte[17];
        ChaCha20Poly1305.Encrypt(Key, nonce, "ad"u8, "p"u8, expected);
        Assert.Equal(expected, ciphertext);
    }

    [Fact]
    public void Nonce_exhaustion_is_refused_never_wrapped()
    {
        using CipherState sender = Keyed();
        sender.SetNonce(ulong.MaxValue - 1);
        byte[] last = Encrypt(sender, "last"u8.ToArray());
        Assert.Equal(CipherState.ReservedNonce, sender.Nonce);
        var buffer = new byte[20];
        Assert.Equal(NoiseErrors.NonceExhaustedCode, sender.EncryptWithAd("ad"u8, "more"u8, buffer).Error?.Code);
        Assert.Equal(NoiseErrors.NonceExhaustedCode, sender.EncryptWithAd("ad"u8, "more"u8, buffer).Error?.Code);
        Assert.Equal(CipherState.ReservedNonce, sender.Nonce);

        using CipherState receiver = Keyed();
        receiver.SetNonce(ulong.MaxValue - 1);
        var plaintext = new byte[4];
        Assert.Equal(4, receiver.DecryptWithAd("ad"u8, last, plaintext).Value);
        Assert.Equal(NoiseErrors.NonceExhaustedCode, receiver.DecryptWithAd("ad"u8, last, plaintext).Error?.Code);
    }

    [Fact]
    public void Rekey_matches_on_both_sides_and_old_ciphertexts_no_longer_decrypt()
    {
        using CipherState sender = Keyed();
        using CipherState receiver = Keyed();
        sender.SetNonce(5);
        byte[] old = Encrypt(sender, "old"u8.ToArray());
        sender.Rekey();
        receiver.Rekey();
        Assert.Equal(6UL, sender.Nonce);

        receiver.SetNonce(5);
        var plaintext = new byte[3];
        Assert.Equal(NoiseErrors.BadTagCode, receiver.DecryptWithAd("ad"u8, old, plaintext).Error?.Code);
        Assert.Equal(5UL, receiver.Nonce);

        receiver.SetNonce(6);
        byte[] fresh = Encrypt(sender, "new"u8.ToArray());
        Assert.Equal(3, receiver.DecryptWithAd("ad"u8, fresh, plaintext).Value);
        Assert.Equal("new"u8.ToArray(), plaintext);

        using CipherState unrekeyed = Keyed();
        unrekeyed.SetNonce(5);
        Assert.Equal(3, unrekeyed.DecryptWithAd("ad"u8, old, plaintext).Value); // the old ciphertext was genuine
    }

    [Fact]
    public void Rekey_is_REKEY_of_section_4_2()
    {
        using CipherState state = Keyed();
        state.Rekey();
        byte[] nonce = Convert.FromHexString("00000000ffffffffffffffff");
        var block = new byte[48];
        ChaCha20Poly1305.Encrypt(Key, nonce, default, new byte[32], block);
        using CipherState expected = new();
        expected.InitializeKey(block.AsSpan(0, 32));
        Assert.Equal(Encrypt(expected, "x"u8.ToArray()), Encrypt(state, "x"u8.ToArray()));
    }

    [Fact]
    public void Without_a_key_data_passes_through_and_with_one_a_failed_decrypt_changes_nothing()
    {
        using var empty = new CipherState();
        Assert.False(empty.HasKey);
        Assert.Equal("clear"u8.ToArray(), Encrypt(empty, "clear"u8.ToArray()));

        using CipherState sender = Keyed();
        using CipherState receiver = Keyed();
        byte[] ciphertext = Encrypt(sender, "secret"u8.ToArray());
        var plaintext = new byte[6];
        Assert.Equal(NoiseErrors.TruncatedCode, receiver.DecryptWithAd("ad"u8, ciphertext.AsSpan(0, 15), plaintext).Error?.Code);
        Assert.Equal(NoiseErrors.BadTagCode, receiver.DecryptWithAd("other ad"u8, ciphertext, plaintext).Error?.Code);
        Assert.Equal(new byte[6], plaintext);
        Assert.Equal(0UL, receiver.Nonce);
        Assert.Equal(6, receiver.DecryptWithAd("ad"u8, ciphertext, plaintext).Value);
    }

    [Fact]
    public void Caller_bugs_throw()
    {
        using var state = new CipherState();
        Assert.Throws<ArgumentException>(() => state.InitializeKey(new byte[31]));
        Assert.Throws<InvalidOperationException>(() => state.Rekey());
        state.InitializeKey(Key);
        Assert.Throws<ArgumentException>(() => state.EncryptWithAd([], new byte[4], new byte[19]));
    }
}
