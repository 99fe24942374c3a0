namespace Kith.Crypto.Tests.Rfc;

/// <summary>
/// FIPS 203 ML-KEM-1024 through <see cref="MlKem1024"/>, against NIST ACVP known answers (files in
/// <c>Rfc/Vectors/</c>): key generation from the seed d ‖ z, and encapsulation with the randomness m supplied
/// through the injected <see cref="IRandomSource"/>.
/// </summary>
public class MlKem1024AcvpTests
{
    private static Dictionary<string, string> Load(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Rfc", "Vectors", name))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

    [Fact]
    public void DerivePublicKey_of_seed_d_z_is_the_ACVP_encapsulation_key()
    {
        Dictionary<string, string> vector = Load("ML-KEM-1024-keyGen-tcId51.txt");
        byte[] seed = Hex.Decode(vector["d"] + vector["z"]);
        Assert.Equal(MlKem1024.SeedSize, seed.Length);

        byte[] publicKey = MlKem1024.DerivePublicKey(seed);

        Assert.Equal(MlKem1024.PublicKeySize, publicKey.Length);
        Assert.Equal(vector["ek"], Convert.ToHexString(publicKey));
    }

    [Fact]
    public void TryEncapsulate_with_randomness_m_gives_the_ACVP_ciphertext_and_secret()
    {
        Dictionary<string, string> vector = Load("ML-KEM-1024-encapsulation-tcId51.txt");
        var random = new ScriptedRandomSource(Hex.Decode(vector["m"]));
        var ciphertext = new byte[MlKem1024.CiphertextSize];
        var secret = new byte[MlKem1024.SharedSecretSize];

        Assert.True(MlKem1024.TryEncapsulate(Hex.Decode(vector["ek"]), random, ciphertext, secret));

        Assert.True(random.Exhausted, "encapsulation draws exactly the 32 bytes of m");
        Assert.Equal(vector["c"], Convert.ToHexString(ciphertext));
        Assert.Equal(vector["k"], Convert.ToHexString(secret));
    }

    /// <summary>Hands out exactly the given bytes, and fails the test if asked for more.</summary>
    private sealed class ScriptedRandomSource(byte[] script) : IRandomSource
    {
        private int _used;

        public bool Exhausted => _used == script.Length;

        public void Fill(Span<byte> destination)
        {
            Assert.True(destination.Length <= script.Length - _used, "asked for more randomness than the vector supplies");
            script.AsSpan(_used, destination.Length).CopyTo(destination);
            _used += destination.Length;
        }
    }
}
