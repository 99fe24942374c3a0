namespace Kith.Crypto.Tests.Signing;

/// <summary>
/// <see cref="Ed25519.Verify"/> reads peer input: every change to what was signed, or to the key or signature,
/// is a <c>false</c>, and malformed lengths are a <c>false</c> too, never an exception.
/// </summary>
public class Ed25519VerifyTests
{
    // RFC 8032 §7.1 TEST 3.
    private static readonly byte[] Seed = Hex.Decode("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");
    private static readonly byte[] PublicKey = Hex.Decode("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025");
    private static readonly byte[] Message = Hex.Decode("af82");
    private static readonly byte[] Signature = Hex.Decode(
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");

    [Fact]
    public void The_untouched_vector_verifies()
    {
        Assert.True(Ed25519.Verify(PublicKey, Message, Signature));
    }

    [Fact]
    public void Verify_rejects_every_single_bit_flip_of_the_signature()
    {
        foreach (byte[] flipped in BitFlips.Of(Signature))
        {
            Assert.False(Ed25519.Verify(PublicKey, Message, flipped));
        }
    }

    [Fact]
    public void Verify_rejects_every_single_bit_flip_of_the_public_key()
    {
        foreach (byte[] flipped in BitFlips.Of(PublicKey))
        {
            Assert.False(Ed25519.Verify(flipped, Message, Signature));
        }
    }

    [Fact]
    public void Verify_rejects_every_single_bit_flip_of_the_message()
    {
        foreach (byte[] flipped in BitFlips.Of(Message))
        {
            Assert.False(Ed25519.Verify(PublicKey, flipped, Signature));
        }
    }

    [Fact]
    public void Verify_rejects_a_longer_or_shorter_message()
    {
        Assert.False(Ed25519.Verify(PublicKey, Message.AsSpan(0, 1), Signature));
        Assert.False(Ed25519.Verify(PublicKey, [.. Message, 0], Signature));
        Assert.False(Ed25519.Verify(PublicKey, [], Signature));
    }

    [Theory]
    [InlineData(0, 64)]
    [InlineData(31, 64)]
    [InlineData(33, 64)]
    [InlineData(32, 0)]
    [InlineData(32, 63)]
    [InlineData(32, 65)]
    public void Verify_returns_false_for_wrong_lengths_instead_of_throwing(int publicKeyLength, int signatureLength)
    {
        byte[] publicKey = Resize(PublicKey, publicKeyLength);
        byte[] signature = Resize(Signature, signatureLength);
        Assert.False(Ed25519.Verify(publicKey, Message, signature));
    }

    [Fact]
    public void Verify_rejects_a_signature_by_another_key()
    {
        using var other = Ed25519SigningKey.Generate(new SeededRandomSource(8032));
        Assert.False(Ed25519.Verify(other.PublicKey, Message, Signature));
        Assert.True(Ed25519.Verify(other.PublicKey, Message, other.Sign(Message)));
    }

    [Fact]
    public void Both_signing_paths_agree_on_generated_keys()
    {
        var random = new SeededRandomSource(25519);
        for (int i = 0; i < 16; i++)
        {
            using var key = Ed25519SigningKey.Generate(random);
            using SecretBytes seed = key.ExportSeed();
            byte[] message = new byte[random.NextInt(200)];
            random.Fill(message);
            var signature = new byte[Ed25519.SignatureSize];
            Ed25519.Sign(seed.Span, message, signature);
            Assert.Equal(key.Sign(message), signature);
            Assert.True(Ed25519.Verify(key.PublicKey, message, signature));
        }
    }

    [Fact]
    public void Signing_with_a_wrong_length_seed_is_a_caller_bug_and_throws()
    {
        var signature = new byte[Ed25519.SignatureSize];
        Assert.Throws<ArgumentException>(() => Ed25519.Sign(Seed.AsSpan(0, 31), Message, signature));
        Assert.Throws<ArgumentException>(() => Ed25519SigningKey.FromSeed(new byte[33]));
    }

    private static byte[] Resize(byte[] source, int length)
    {
        var result = new byte[length];
        source.AsSpan(0, Math.Min(length, source.Length)).CopyTo(result);
        return result;
    }
}
