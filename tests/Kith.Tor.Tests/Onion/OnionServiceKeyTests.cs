using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Tor.Onion;

namespace Kith.Tor.Tests.Onion;

public class OnionServiceKeyTests
{
    // RFC 8032 §7.1 TEST 1 public key; tor's test_hs_common.c checks the same address as valid.
    private const string Rfc8032Test1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Rfc8032Test1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Rfc8032Test1Address = "25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenl5sid";

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
}
