namespace Kith.Crypto.Tests.Kem;

/// <summary>Behaviour of <see cref="MlKem1024"/> that PQXDH relies on (FIPS 203 §7).</summary>
public class MlKem1024Tests
{
    private static (SecretBytes Seed, byte[] PublicKey) NewKey(ulong seed)
    {
        SecretBytes secret = MlKem1024.GenerateSeed(new SeededRandomSource(seed));
        return (secret, MlKem1024.DerivePublicKey(secret.Span));
    }

    [Fact]
    public void Encapsulated_secret_is_recovered_by_decapsulation()
    {
        var (seed, publicKey) = NewKey(203);
        using (seed)
        {
            var ciphertext = new byte[MlKem1024.CiphertextSize];
            var sent = new byte[MlKem1024.SharedSecretSize];
            var received = new byte[MlKem1024.SharedSecretSize];
            Assert.True(MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(1), ciphertext, sent));
            Assert.True(MlKem1024.TryDecapsulate(seed.Span, ciphertext, received));
            Assert.Equal(sent, received);
            Assert.NotEqual(new byte[32], sent);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_public_key_and_different_seeds_differ()
    {
        var (a, publicA) = NewKey(1);
        var (b, publicB) = NewKey(1);
        var (c, publicC) = NewKey(2);
        using (a)
        using (b)
        using (c)
        {
            Assert.Equal(publicA, publicB);
            Assert.NotEqual(publicA, publicC);
        }
    }

    [Fact]
    public void Seeded_randomness_gives_the_same_ciphertext_and_secret_and_other_randomness_differs()
    {
        var (seed, publicKey) = NewKey(3);
        using (seed)
        {
            (byte[] Ciphertext, byte[] Secret) Encapsulate(ulong randomSeed)
            {
                var ciphertext = new byte[MlKem1024.CiphertextSize];
                var secret = new byte[MlKem1024.SharedSecretSize];
                Assert.True(MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(randomSeed), ciphertext, secret));
                return (ciphertext, secret);
            }

            var first = Encapsulate(10);
            var again = Encapsulate(10);
            var other = Encapsulate(11);
            Assert.Equal(first.Ciphertext, again.Ciphertext);
            Assert.Equal(first.Secret, again.Secret);
            Assert.NotEqual(first.Ciphertext, other.Ciphertext);
            Assert.NotEqual(first.Secret, other.Secret);
        }
    }

    [Fact]
    public void A_tampered_ciphertext_of_the_right_length_decapsulates_to_an_unrelated_secret()
    {
        // FIPS 203 §7.3 implicit rejection: the forgery is not detected here but yields J(z ‖ c), which the
        // sender cannot know, so the AEAD keyed by it fails later.
        var (seed, publicKey) = NewKey(4);
        using (seed)
        {
            var ciphertext = new byte[MlKem1024.CiphertextSize];
            var sent = new byte[MlKem1024.SharedSecretSize];
            Assert.True(MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(5), ciphertext, sent));

            var seen = new HashSet<string> { Hex.Encode(sent) };
            foreach (int index in new[] { 0, 1, 700, MlKem1024.CiphertextSize - 1 })
            {
                byte[] tampered = (byte[])ciphertext.Clone();
                tampered[index] ^= 0x01;
                var received = new byte[MlKem1024.SharedSecretSize];
                Assert.True(MlKem1024.TryDecapsulate(seed.Span, tampered, received));
                Assert.True(seen.Add(Hex.Encode(received)), "every forgery gives a fresh, unrelated secret");

                var again = new byte[MlKem1024.SharedSecretSize];
                Assert.True(MlKem1024.TryDecapsulate(seed.Span, tampered, again));
                Assert.Equal(received, again);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MlKem1024.PublicKeySize - 1)]
    [InlineData(MlKem1024.PublicKeySize + 1)]
    [InlineData(1184)]
    public void TryEncapsulate_refuses_a_public_key_of_the_wrong_length(int length)
    {
        var ciphertext = new byte[MlKem1024.CiphertextSize];
        var secret = new byte[MlKem1024.SharedSecretSize];
        Assert.False(MlKem1024.TryEncapsulate(new byte[length], new SeededRandomSource(6), ciphertext, secret));
    }

    [Fact]
    public void TryEncapsulate_refuses_a_public_key_that_fails_the_modulus_check()
    {
        // FIPS 203 §7.2 input check: every 12-bit coefficient of ek must be below q = 3329.
        var (seed, publicKey) = NewKey(7);
        using (seed)
        {
            publicKey[0] = 0xFF;
            publicKey[1] |= 0x0F;
            var ciphertext = new byte[MlKem1024.CiphertextSize];
            var secret = new byte[MlKem1024.SharedSecretSize];
            Assert.False(MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(8), ciphertext, secret));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MlKem1024.CiphertextSize - 1)]
    [InlineData(MlKem1024.CiphertextSize + 1)]
    [InlineData(1088)]
    public void TryDecapsulate_refuses_a_ciphertext_of_the_wrong_length(int length)
    {
        var (seed, _) = NewKey(9);
        using (seed)
        {
            var secret = new byte[MlKem1024.SharedSecretSize];
            Assert.False(MlKem1024.TryDecapsulate(seed.Span, new byte[length], secret));
        }
    }

    [Fact]
    public void Wrong_seed_or_output_sizes_are_caller_bugs_and_throw()
    {
        Assert.Throws<ArgumentException>(() => MlKem1024.DerivePublicKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => MlKem1024.TryDecapsulate(new byte[63], new byte[MlKem1024.CiphertextSize], new byte[32]));
        var (seed, publicKey) = NewKey(10);
        using (seed)
        {
            Assert.Throws<ArgumentException>(() =>
                MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(1), new byte[MlKem1024.CiphertextSize - 1], new byte[32]));
            Assert.Throws<ArgumentException>(() =>
                MlKem1024.TryEncapsulate(publicKey, new SeededRandomSource(1), new byte[MlKem1024.CiphertextSize], new byte[31]));
        }
    }
}
