namespace Kith.Crypto.Tests.Rfc;

/// <summary>
/// FIPS 203 ML-KEM-1024 key generation from a seed, against NIST's ACVP known answer (ML-KEM-keyGen-FIPS203,
/// ML-KEM-1024 group, tcId 51; see <c>Rfc/Vectors/ML-KEM-1024-keyGen-tcId51.txt</c>).
/// </summary>
public class MlKem1024KeyGenTests
{
    private static Dictionary<string, string> LoadVector()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Rfc", "Vectors", "ML-KEM-1024-keyGen-tcId51.txt");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    [Fact]
    public void DerivePublicKey_of_seed_d_z_is_the_ACVP_encapsulation_key()
    {
        Dictionary<string, string> vector = LoadVector();
        byte[] seed = Hex.Decode(vector["d"] + vector["z"]);
        Assert.Equal(MlKem1024.SeedSize, seed.Length);

        byte[] publicKey = MlKem1024.DerivePublicKey(seed);

        Assert.Equal(MlKem1024.PublicKeySize, publicKey.Length);
        Assert.Equal(vector["ek"], Convert.ToHexString(publicKey));
    }
}
