namespace Kith.Crypto.Tests;

public class Sha3AndSha512Tests
{
    // FIPS 202 and FIPS 180-4 example values for the message "abc" (NIST CSRC examples).
    [Fact]
    public void Sha3_256_of_abc_matches_the_nist_example()
    {
        var hash = new byte[Sha3_256.HashSize];
        Sha3_256.Hash("abc"u8, hash);
        Assert.Equal("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Sha512_of_abc_matches_the_nist_example()
    {
        var hash = new byte[Sha512.HashSize];
        Sha512.Hash("abc"u8, hash);
        Assert.Equal("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Wrong_output_sizes_are_caller_bugs()
    {
        Assert.Throws<ArgumentException>(() => Sha3_256.Hash("abc"u8, new byte[31]));
        Assert.Throws<ArgumentException>(() => Sha512.Hash("abc"u8, new byte[32]));
    }
}
