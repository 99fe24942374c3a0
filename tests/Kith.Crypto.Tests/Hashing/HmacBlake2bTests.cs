namespace Kith.Crypto.Tests.Hashing;

/// <summary>
/// <see cref="HmacBlake2b"/> against RFC 2104's formula written out with one-shot <see cref="Blake2b.Hash"/>:
/// <c>H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ text))</c>, B = 128, L = 64 (Noise §4.3's HMAC-BLAKE2b).
/// No published HMAC-BLAKE2b vectors exist, so this independent computation is the reference.
/// </summary>
public class HmacBlake2bTests
{
    private const int B = 128;
    private const int L = 64;

    private static byte[] Reference(byte[] key, byte[] text)
    {
        // RFC 2104 §2: a key longer than B is replaced by H(key); then padded with zeros to B bytes.
        byte[] k = new byte[B];
        if (key.Length > B)
        {
            Blake2b.Hash(key, k.AsSpan(0, L));
        }
        else
        {
            key.CopyTo(k, 0);
        }

        byte[] inner = new byte[L];
        Blake2b.Hash([.. k.Select(b => (byte)(b ^ 0x36)), .. text], inner);
        byte[] outer = new byte[L];
        Blake2b.Hash([.. k.Select(b => (byte)(b ^ 0x5c)), .. inner], outer);
        return outer;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(32, 0)]
    [InlineData(32, 1)]
    [InlineData(64, 64)]
    [InlineData(64, 200)]
    [InlineData(127, 128)]
    [InlineData(128, 129)]
    [InlineData(129, 32)]
    [InlineData(300, 1000)]
    public void Compute_matches_the_RFC_2104_formula(int keyLength, int textLength)
    {
        var random = new SeededRandomSource((ulong)((keyLength * 10_000) + textLength));
        byte[] key = new byte[keyLength];
        byte[] text = new byte[textLength];
        random.Fill(key);
        random.Fill(text);

        var output = new byte[HmacBlake2b.HashSize];
        HmacBlake2b.Compute(key, text, output);
        Assert.Equal(Hex.Encode(Reference(key, text)), Hex.Encode(output));
    }

    [Fact]
    public void Compute_differs_from_keyed_BLAKE2b()
    {
        // Noise's HMAC-BLAKE2b is RFC 2104 HMAC, not BLAKE2b's built-in keyed mode (RFC 7693 §2.9).
        byte[] key = new byte[32];
        byte[] hmac = new byte[64];
        byte[] keyed = new byte[64];
        HmacBlake2b.Compute(key, "x"u8, hmac);
        Blake2b.Hash("x"u8, keyed, key);
        Assert.NotEqual(keyed, hmac);
    }

    [Fact]
    public void Compute_refuses_an_output_that_is_not_64_bytes()
    {
        Assert.Throws<ArgumentException>(() => HmacBlake2b.Compute([1], [2], new byte[32]));
    }
}
