using CsCheck;
using Kith.Wire.Onion;

namespace Kith.Wire.Tests.Onion;

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
        Assert.Equal("onion.bad_address", OnionAddress.Parse(text).Error?.Code);

    [Fact]
    public void Parse_rejects_a_wrong_version_byte()
    {
        // Same key and checksum computed for version 3, but the version byte says 4.
        var id = OnionAddress.FromPublicKey(Convert.FromHexString(Rfc8032Test1PublicKey)).ServiceId;
        Assert.Equal('d', id[^1]);
        Assert.Equal("onion.bad_address", OnionAddress.Parse(id[..^1] + "e").Error?.Code);
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
}
