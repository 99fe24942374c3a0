using System.Security.Cryptography;
using CsCheck;
using Kith.Crypto;
using Kith.Tor.Onion;

namespace Kith.Tor.Tests.Onion;

public class OnionAddressTests
{
    // RFC 8032 §7.1 TEST 1 public key; tor's test_hs_common.c checks the same address as valid.
    private const string Rfc8032Test1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Rfc8032Test1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Rfc8032Test1Address = "25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5sid";

    [Fact]
    public void Address_of_rfc8032_test_key_matches_tor()
    {
        var address = OnionAddress.FromPublicKey(Convert.FromHexString(Rfc8032Test1PublicKey));
        Assert.Equal(Rfc8032Test1Address, address.ServiceId);
        Assert.Equal(Rfc8032Test1Address + ".onion", address.HostName);
    }

    [Fact]
    public void Parse_accepts_either_case_and_suffix_and_returns_the_key()
    {
        var parsed = OnionAddress.Parse(Rfc8032Test1Address.ToUpperInvariant() + ".ONION").Value;
        Assert.Equal(Convert.FromHexString(Rfc8032Test1PublicKey), parsed.PublicKey.ToArray());
        Assert.Equal(OnionAddress.Parse(Rfc8032Test1Address).Value, parsed);
    }

    [Theory]
    [InlineData("25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5sie")]
    [InlineData("25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5si")]
    [InlineData("25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5si1")]
    [InlineData("facebookcorewwwi.onion")]
    [InlineData("")]
    public void Parse_rejects_bad_checksum_length_and_alphabet(string text) =>
        Assert.Equal("tor.onion.bad_address", OnionAddress.Parse(text).Error?.Code);

    [Fact]
    public void Parse_rejects_a_wrong_version_byte()
    {
        // Same key and checksum computed for version 3, but the version byte says 4.
        var id = OnionAddress.FromPublicKey(Convert.FromHexString(Rfc8032Test1PublicKey)).ServiceId;
        Assert.Equal('d', id[^1]);
        Assert.Equal("tor.onion.bad_address", OnionAddress.Parse(id[..^1] + "e").Error?.Code);
    }

    [Fact]
    public void Every_key_round_trips_through_its_address()
    {
        Gen.Byte.Array[32].Sample(key =>
        {
            var address = OnionAddress.FromPublicKey(key);
            Assert.Equal(56, address.ServiceId.Length);
            Assert.Equal(key, OnionAddress.Parse(address.HostName).Value.PublicKey.ToArray());
        });
    }

    [Fact]
    public void Expanded_key_is_clamped_sha512_of_the_seed()
    {
        var seed = Convert.FromHexString(Rfc8032Test1Seed);
        var expanded = new byte[64];
        OnionServiceKey.Expand(seed, expanded);
        var hash = SHA512.HashData(seed);
        Assert.Equal(hash[0] & 0xF8, expanded[0]);
        Assert.Equal((hash[31] & 0x7F) | 0x40, expanded[31]);
        Assert.Equal(hash[1..31], expanded[1..31]);
        Assert.Equal(hash[32..], expanded[32..]);
    }

    [Fact]
    public void Device_key_gives_the_address_of_its_public_key_and_prints_no_secret()
    {
        var seed = Convert.FromHexString(Rfc8032Test1Seed);
        var publicKey = new byte[32];
        Ed25519.DerivePublicKey(seed, publicKey);
        using var key = OnionServiceKey.FromEd25519Seed(seed, publicKey);
        Assert.Equal(Rfc8032Test1Address, key.Address.ServiceId);
        Assert.DoesNotContain(Convert.ToBase64String(SHA512.HashData(seed))[..10], key.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Portable_sha3_matches_the_fips_202_empty_vector_and_the_platform()
    {
        var hash = new byte[32];
        Sha3Keccak.PortableHashData([], hash);
        Assert.Equal("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Convert.ToHexStringLower(hash));
        Sha3Keccak.PortableHashData("abc"u8, hash);
        Assert.Equal("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", Convert.ToHexStringLower(hash));
        if (!SHA3_256.IsSupported)
        {
            // macOS: only the fixed vectors above can check the portable path there.
            return;
        }

        Gen.Byte.Array[0, 600].Sample(data =>
        {
            var portable = new byte[32];
            Sha3Keccak.PortableHashData(data, portable);
            Assert.Equal(SHA3_256.HashData(data), portable);
        }, iter: 200);
    }
}
