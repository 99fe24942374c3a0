using System.Security.Cryptography;
using CsCheck;

namespace Kith.Crypto.Tests.Kdf;

/// <summary>
/// <see cref="HkdfSha256"/> runs on libsodium; .NET's own HMAC and HKDF are the second opinion beyond the RFC vectors:
/// every key, salt, info and output length must give the same bytes.
/// </summary>
public class HkdfSha256AgreementTests
{
    [Fact]
    public void Hmac_agrees_with_dotnet_for_any_key_and_data()
    {
        // Keys across the 64-byte block boundary, where RFC 2104 §2 hashes a long key first.
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Byte.Array[0, 300]).Sample((key, data) =>
        {
            byte[] ours = new byte[HkdfSha256.HashSize];
            HkdfSha256.Hmac(key, data, ours);
            Assert.Equal(HMACSHA256.HashData(key, data), ours);
        }, iter: 500);
    }

    [Fact]
    public void DeriveKey_agrees_with_dotnet_for_any_input_and_output_length()
    {
        Gen.Select(Gen.Byte.Array[0, 100], Gen.Byte.Array[0, 100], Gen.Byte.Array[0, 100], Gen.Int[1, 200]).Sample(
            (ikm, salt, info, length) =>
            {
                byte[] ours = new byte[length];
                HkdfSha256.DeriveKey(ikm, salt, info, ours);
                Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, length, salt, info), ours);
            }, iter: 500);
    }

    [Fact]
    public void DeriveKey_refuses_an_empty_or_too_long_output()
    {
        Assert.Throws<ArgumentException>(() => HkdfSha256.DeriveKey([1], [], [], Span<byte>.Empty));
        Assert.Throws<ArgumentException>(() => HkdfSha256.DeriveKey([1], [], [], new byte[HkdfSha256.MaxOutputSize + 1]));

        byte[] longest = new byte[HkdfSha256.MaxOutputSize];
        HkdfSha256.DeriveKey([1], [2], [3], longest);
        Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, [1], HkdfSha256.MaxOutputSize, [2], [3]), longest);
    }
}
