namespace Kith.Crypto.Tests.Aead;

/// <summary>
/// The behaviour every Kith AEAD shares (NSec's tests/Base style: one suite, run against each algorithm):
/// authentication failures are <c>false</c> with the plaintext buffer zeroed, whatever was tampered with.
/// </summary>
public abstract class AeadContract
{
    protected abstract int NonceSize { get; }

    protected abstract void Encrypt(byte[] key, byte[] nonce, byte[] ad, byte[] plaintext, byte[] ciphertext);

    protected abstract bool TryDecrypt(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, byte[] plaintext);

    private const int TagSize = 16;

    private readonly byte[] _key = Hex.Decode("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
    private readonly byte[] _ad = "kith aead contract"u8.ToArray();
    private readonly byte[] _plaintext = "a short message, long enough to span a ChaCha20 block? not quite"u8.ToArray();

    private byte[] NewNonce()
    {
        var nonce = new byte[NonceSize];
        new SeededRandomSource(0xAEAD).Fill(nonce);
        return nonce;
    }

    private byte[] Seal(byte[] nonce)
    {
        var ciphertext = new byte[_plaintext.Length + TagSize];
        Encrypt(_key, nonce, _ad, _plaintext, ciphertext);
        return ciphertext;
    }

    /// <summary>Decrypts into a buffer full of garbage, and checks the garbage is gone whatever the outcome.</summary>
    private bool Open(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, out byte[] plaintext)
    {
        plaintext = new byte[Math.Max(0, ciphertext.Length - TagSize)];
        Array.Fill(plaintext, (byte)0xA5);
        bool ok = TryDecrypt(key, nonce, ad, ciphertext, plaintext);
        if (!ok)
        {
            Zeroes.Assert(plaintext);
        }

        return ok;
    }

    [Fact]
    public void Round_trip_recovers_the_plaintext()
    {
        byte[] nonce = NewNonce();
        Assert.True(Open(_key, nonce, _ad, Seal(nonce), out byte[] plaintext));
        Assert.Equal(_plaintext, plaintext);
    }

    [Fact]
    public void Empty_plaintext_and_empty_associated_data_round_trip()
    {
        byte[] nonce = NewNonce();
        var ciphertext = new byte[TagSize];
        Encrypt(_key, nonce, [], [], ciphertext);
        Assert.True(TryDecrypt(_key, nonce, [], ciphertext, []));
        Assert.False(TryDecrypt(_key, nonce, [0], ciphertext, []));
    }

    [Fact]
    public void TryDecrypt_rejects_every_single_bit_flip_of_ciphertext_and_tag_and_zeroes_the_output()
    {
        byte[] nonce = NewNonce();
        foreach (byte[] tampered in BitFlips.Of(Seal(nonce)))
        {
            Assert.False(Open(_key, nonce, _ad, tampered, out _));
        }
    }

    [Fact]
    public void TryDecrypt_rejects_every_single_bit_flip_of_the_associated_data_and_zeroes_the_output()
    {
        byte[] nonce = NewNonce();
        byte[] ciphertext = Seal(nonce);
        foreach (byte[] tampered in BitFlips.Of(_ad))
        {
            Assert.False(Open(_key, nonce, tampered, ciphertext, out _));
        }

        Assert.False(Open(_key, nonce, _ad[..^1], ciphertext, out _));
        Assert.False(Open(_key, nonce, [.. _ad, 0], ciphertext, out _));
    }

    [Fact]
    public void TryDecrypt_rejects_every_single_bit_flip_of_the_nonce_and_the_key()
    {
        byte[] nonce = NewNonce();
        byte[] ciphertext = Seal(nonce);
        foreach (byte[] tampered in BitFlips.Of(nonce))
        {
            Assert.False(Open(_key, tampered, _ad, ciphertext, out _));
        }

        foreach (byte[] tampered in BitFlips.Of(_key))
        {
            Assert.False(Open(tampered, nonce, _ad, ciphertext, out _));
        }
    }

    [Fact]
    public void TryDecrypt_rejects_truncated_and_extended_ciphertexts()
    {
        byte[] nonce = NewNonce();
        byte[] ciphertext = Seal(nonce);
        Assert.False(Open(_key, nonce, _ad, ciphertext[..^1], out _));
        Assert.False(Open(_key, nonce, _ad, [.. ciphertext, 0], out _));
        Assert.False(Open(_key, nonce, _ad, ciphertext[..TagSize], out _));
        Assert.False(Open(_key, nonce, _ad, ciphertext[..(TagSize - 1)], out _));
        Assert.False(Open(_key, nonce, _ad, [], out _));
    }

    [Fact]
    public void TryDecrypt_returns_false_and_zeroes_for_a_wrong_nonce_or_output_length()
    {
        byte[] nonce = NewNonce();
        byte[] ciphertext = Seal(nonce);
        Assert.False(Open(_key, nonce[..^1], _ad, ciphertext, out _));
        Assert.False(Open(_key, [.. nonce, 0], _ad, ciphertext, out _));

        foreach (int length in new[] { _plaintext.Length - 1, _plaintext.Length + 1 })
        {
            var plaintext = Enumerable.Repeat((byte)0xA5, length).ToArray();
            Assert.False(TryDecrypt(_key, nonce, _ad, ciphertext, plaintext));
            Zeroes.Assert(plaintext);
        }
    }

    [Fact]
    public void Encrypt_with_a_wrong_key_nonce_or_output_length_is_a_caller_bug_and_throws()
    {
        byte[] nonce = NewNonce();
        var ciphertext = new byte[_plaintext.Length + TagSize];
        Assert.Throws<ArgumentException>(() => Encrypt(_key[..^1], nonce, _ad, _plaintext, ciphertext));
        Assert.Throws<ArgumentException>(() => Encrypt(_key, nonce[..^1], _ad, _plaintext, ciphertext));
        Assert.Throws<ArgumentException>(() => Encrypt(_key, nonce, _ad, _plaintext, ciphertext[..^1]));
    }
}

public sealed class ChaCha20Poly1305ContractTests : AeadContract
{
    protected override int NonceSize => ChaCha20Poly1305.NonceSize;

    protected override void Encrypt(byte[] key, byte[] nonce, byte[] ad, byte[] plaintext, byte[] ciphertext) =>
        ChaCha20Poly1305.Encrypt(key, nonce, ad, plaintext, ciphertext);

    protected override bool TryDecrypt(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, byte[] plaintext) =>
        ChaCha20Poly1305.TryDecrypt(key, nonce, ad, ciphertext, plaintext);
}

public sealed class XChaCha20Poly1305ContractTests : AeadContract
{
    protected override int NonceSize => XChaCha20Poly1305.NonceSize;

    protected override void Encrypt(byte[] key, byte[] nonce, byte[] ad, byte[] plaintext, byte[] ciphertext) =>
        XChaCha20Poly1305.Encrypt(key, nonce, ad, plaintext, ciphertext);

    protected override bool TryDecrypt(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, byte[] plaintext) =>
        XChaCha20Poly1305.TryDecrypt(key, nonce, ad, ciphertext, plaintext);
}
