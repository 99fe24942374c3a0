using System.Text;

namespace Kith.Crypto.Tests.Rfc;

/// <summary>RFC 4231 §4 (HMAC-SHA-256) through <see cref="HkdfSha256.Hmac"/>, and FIPS 180-4's SHA-256("abc").</summary>
public class HmacSha256Tests
{
    /// <summary>Test case, key, data, HMAC-SHA-256.</summary>
    public static readonly TheoryData<string, string, string, string> Vectors = new()
    {
        { "4.2 (test case 1)", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "4.3 (test case 2)", "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        {
            "4.4 (test case 3)",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        },
        {
            "4.5 (test case 4)",
            "0102030405060708090a0b0c0d0e0f10111213141516171819",
            "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        },
        {
            // A key longer than the block is hashed first (RFC 2104 §2).
            "4.7 (test case 6)",
            new string('a', 262),
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hmac_produces_the_RFC_4231_output(string name, string key, string data, string mac)
    {
        Assert.NotEmpty(name);
        var output = new byte[HkdfSha256.HashSize];
        HkdfSha256.Hmac(Hex.Decode(key), Hex.Decode(data), output);
        Assert.Equal(mac, Hex.Encode(output));
    }

    [Fact]
    public void Sha256_of_abc_is_the_FIPS_180_example()
    {
        var output = new byte[HkdfSha256.HashSize];
        HkdfSha256.Sha256(Encoding.ASCII.GetBytes("abc"), output);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Encode(output));
    }

    [Fact]
    public void Hmac_and_Sha256_refuse_an_output_that_is_not_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => HkdfSha256.Hmac([1], [2], new byte[31]));
        Assert.Throws<ArgumentException>(() => HkdfSha256.Sha256([1], new byte[33]));
    }
}
