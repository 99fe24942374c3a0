namespace Kith.Crypto.Tests.Signing;

/// <summary>
/// <see cref="Ed25519ExpandedKey"/> signs exactly as RFC 8032 and <see cref="Ed25519.Sign"/> do: expanding the seed
/// once changes the cost, never the signature.
/// </summary>
public class Ed25519ExpandedKeyTests
{
    // RFC 8032 §7.1 TEST 3.
    private static readonly byte[] Seed = Hex.Decode("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");
    private static readonly byte[] PublicKey = Hex.Decode("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025");
    private static readonly byte[] Message = Hex.Decode("af82");
    private static readonly byte[] Signature = Hex.Decode(
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");

    [Fact]
    public void It_produces_the_rfc_8032_vector()
    {
        using var key = Ed25519ExpandedKey.FromSeed(Seed);
        byte[] signature = new byte[Ed25519.SignatureSize];

        key.Sign(Message, signature);

        Assert.Equal(PublicKey, key.PublicKey.ToArray());
        using SecretBytes seed = key.ExportSeed();
        Assert.Equal(Seed, seed.Span.ToArray());
        Assert.Equal(Signature, signature);
    }

    [Fact]
    public void It_signs_every_message_as_the_seed_signer_does()
    {
        byte[] seed = new byte[Ed25519.SeedSize];
        new SeededRandomSource(7).Fill(seed);
        using var key = Ed25519ExpandedKey.FromSeed(seed);
        for (int length = 0; length < 300; length += 37)
        {
            byte[] message = new byte[length];
            new SeededRandomSource((ulong)length).Fill(message);
            byte[] expected = new byte[Ed25519.SignatureSize];
            byte[] actual = new byte[Ed25519.SignatureSize];

            Ed25519.Sign(seed, message, expected);
            key.Sign(message, actual);

            Assert.Equal(expected, actual);
            Assert.True(Ed25519.Verify(key.PublicKey, message, actual));
        }
    }

    [Fact]
    public void Wrong_lengths_and_a_disposed_key_throw()
    {
        Assert.Throws<ArgumentException>(() => Ed25519ExpandedKey.FromSeed(new byte[31]));
        var key = Ed25519ExpandedKey.FromSeed(Seed);
        Assert.Throws<ArgumentException>(() => key.Sign(Message, new byte[63]));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Message, new byte[Ed25519.SignatureSize]));
        Assert.Equal("[redacted]", key.ToString());
    }
}
