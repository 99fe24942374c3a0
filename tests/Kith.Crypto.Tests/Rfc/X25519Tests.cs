namespace Kith.Crypto.Tests.Rfc;

/// <summary>RFC 7748 §5.2 and §6.1 through <see cref="X25519"/> and <see cref="X25519KeyPair"/>.</summary>
public class X25519Tests
{
    /// <summary>RFC 7748 §5.2: scalar, input u-coordinate, output u-coordinate.</summary>
    public static readonly TheoryData<string, string, string> FunctionVectors = new()
    {
        {
            "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
            "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"
        },
        {
            // The input u has its most significant bit set; RFC 7748 §5 requires implementations to mask it.
            "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
            "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
        },
    };

    // RFC 7748 §6.1.
    private const string AlicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private const string AlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private const string BobPrivate = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private const string BobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private const string Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    [Theory]
    [MemberData(nameof(FunctionVectors))]
    public void TryAgree_matches_the_RFC_7748_function_vectors(string scalar, string u, string expected)
    {
        var output = new byte[X25519.SharedSecretSize];
        Assert.True(X25519.TryAgree(Hex.Decode(scalar), Hex.Decode(u), output));
        Assert.Equal(expected, Hex.Encode(output));
    }

    [Fact]
    public void TryAgree_matches_the_RFC_7748_iterated_vectors_after_1_and_1000_iterations()
    {
        // RFC 7748 §5.2: k = u = 9; each round sets (k, u) = (X25519(k, u), k).
        var k = new byte[32];
        var u = new byte[32];
        k[0] = 9;
        u[0] = 9;
        var next = new byte[32];
        string afterOne = "";
        for (int i = 1; i <= 1000; i++)
        {
            Assert.True(X25519.TryAgree(k, u, next));
            k.CopyTo(u, 0);
            next.CopyTo(k, 0);
            if (i == 1)
            {
                afterOne = Hex.Encode(k);
            }
        }

        Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", afterOne);
        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", Hex.Encode(k));
    }

    [Fact]
    public void DerivePublicKey_matches_the_RFC_7748_section_6_1_public_keys()
    {
        var publicKey = new byte[X25519.PublicKeySize];
        X25519.DerivePublicKey(Hex.Decode(AlicePrivate), publicKey);
        Assert.Equal(AlicePublic, Hex.Encode(publicKey));
        X25519.DerivePublicKey(Hex.Decode(BobPrivate), publicKey);
        Assert.Equal(BobPublic, Hex.Encode(publicKey));
    }

    [Fact]
    public void Alice_and_Bob_agree_on_the_RFC_7748_section_6_1_shared_secret()
    {
        using var alice = X25519KeyPair.FromPrivateKey(Hex.Decode(AlicePrivate));
        using var bob = X25519KeyPair.FromPrivateKey(Hex.Decode(BobPrivate));
        Assert.Equal(AlicePublic, Hex.Encode(alice.PublicKey));
        Assert.Equal(BobPublic, Hex.Encode(bob.PublicKeyBytes));

        var aliceShared = new byte[32];
        var bobShared = new byte[32];
        Assert.True(alice.TryAgree(bob.PublicKey, aliceShared));
        Assert.True(bob.TryAgree(alice.PublicKey, bobShared));
        Assert.Equal(Shared, Hex.Encode(aliceShared));
        Assert.Equal(Shared, Hex.Encode(bobShared));
    }

    /// <summary>
    /// u-coordinates whose multiples by any clamped scalar are the point at infinity, so X25519's output is all
    /// zeros (RFC 7748 §6.1): 0 and 1 (small-order points), and p and p + 1 (their non-canonical encodings).
    /// </summary>
    public static readonly TheoryData<string> LowOrderPoints = new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    };

    [Theory]
    [MemberData(nameof(LowOrderPoints))]
    public void TryAgree_refuses_a_low_order_point_and_zeroes_the_output(string point)
    {
        using var pair = X25519KeyPair.FromPrivateKey(Hex.Decode(AlicePrivate));
        var shared = Enumerable.Repeat((byte)0xAA, 32).ToArray();
        Assert.False(X25519.TryAgree(pair.PrivateKey.Span, Hex.Decode(point), shared));
        Assert.All(shared, b => Assert.Equal(0, b));

        shared.AsSpan().Fill(0xAA);
        Assert.False(pair.TryAgree(Hex.Decode(point), shared));
        Assert.All(shared, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void TryAgree_refuses_a_public_key_of_the_wrong_length(int length)
    {
        var shared = Enumerable.Repeat((byte)0xAA, 32).ToArray();
        var peer = new byte[length];
        Array.Fill(peer, (byte)9, 0, Math.Min(1, length));
        Assert.False(X25519.TryAgree(Hex.Decode(AlicePrivate), peer, shared));
        Assert.All(shared, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Generated_key_pairs_agree_and_print_only_their_public_key()
    {
        var random = new SeededRandomSource(7748);
        using var a = X25519KeyPair.Generate(random);
        using var b = X25519KeyPair.Generate(random);
        var ab = new byte[32];
        var ba = new byte[32];
        Assert.True(a.TryAgree(b.PublicKey, ab));
        Assert.True(b.TryAgree(a.PublicKey, ba));
        Assert.Equal(ab, ba);

        string text = a.ToString();
        Assert.Contains(Hex.Encode(a.PublicKey), text);
        Assert.DoesNotContain(Hex.Encode(a.PrivateKey.Span), text, StringComparison.OrdinalIgnoreCase);
    }
}
