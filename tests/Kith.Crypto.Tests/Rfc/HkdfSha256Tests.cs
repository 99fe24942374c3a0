namespace Kith.Crypto.Tests.Rfc;

/// <summary>RFC 5869 Appendix A.1–A.3 (HKDF-SHA256) through <see cref="HkdfSha256"/>.</summary>
public class HkdfSha256Tests
{
    /// <summary>Test case, IKM, salt, info, PRK, OKM.</summary>
    public static readonly TheoryData<string, string, string, string, string, string> Vectors = new()
    {
        {
            "A.1",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        },
        {
            "A.2",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
            "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
            "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"
        },
        {
            // Zero-length salt and info: the salt defaults to HashLen zero bytes (RFC 5869 §2.2).
            "A.3",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "",
            "",
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DeriveKey_produces_the_RFC_5869_output_keying_material(string name, string ikm, string salt, string info, string prk, string okm)
    {
        Assert.NotEmpty(name + prk);
        var output = new byte[okm.Length / 2];
        HkdfSha256.DeriveKey(Hex.Decode(ikm), Hex.Decode(salt), Hex.Decode(info), output);
        Assert.Equal(okm, Hex.Encode(output));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Extract_then_Expand_produce_the_RFC_5869_PRK_and_OKM(string name, string ikm, string salt, string info, string prk, string okm)
    {
        Assert.NotEmpty(name);
        var pseudoRandomKey = new byte[HkdfSha256.HashSize];
        HkdfSha256.Extract(Hex.Decode(ikm), Hex.Decode(salt), pseudoRandomKey);
        Assert.Equal(prk, Hex.Encode(pseudoRandomKey));

        var output = new byte[okm.Length / 2];
        HkdfSha256.Expand(pseudoRandomKey, Hex.Decode(info), output);
        Assert.Equal(okm, Hex.Encode(output));
    }

    [Fact]
    public void Extract_is_HMAC_SHA256_keyed_by_the_salt()
    {
        // RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM).
        byte[] ikm = Hex.Decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = Hex.Decode("000102030405060708090a0b0c");
        var prk = new byte[32];
        var mac = new byte[32];
        HkdfSha256.Extract(ikm, salt, prk);
        HkdfSha256.Hmac(salt, ikm, mac);
        Assert.Equal(prk, mac);
    }
}
