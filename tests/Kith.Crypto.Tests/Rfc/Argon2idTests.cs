using Org.BouncyCastle.Crypto.Generators;
using BcArgon2Parameters = Org.BouncyCastle.Crypto.Parameters.Argon2Parameters;

namespace Kith.Crypto.Tests.Rfc;

/// <summary>
/// Argon2id. libsodium's <c>crypto_pwhash</c> (behind <see cref="Argon2id"/>) fixes p = 1 and takes neither
/// RFC 9106's secret K nor its associated data X, so the RFC 9106 §5.3 vector (p = 4, with K and X) cannot run
/// through Kith's wrapper. Instead: BouncyCastle's independent implementation is shown to reproduce §5.3, and
/// Kith's wrapper is then shown to agree with it, byte for byte, on K = X = empty, p = 1, version 0x13.
/// </summary>
public class Argon2idTests
{
    private static byte[] Reference(byte[] password, byte[] salt, int iterations, int memoryKiB, int parallelism,
        byte[] secret, byte[] associatedData, int tagLength)
    {
        BcArgon2Parameters parameters = new BcArgon2Parameters.Builder(BcArgon2Parameters.Argon2id)
            .WithVersion(BcArgon2Parameters.Version13)
            .WithIterations(iterations)
            .WithMemoryAsKB(memoryKiB)
            .WithParallelism(parallelism)
            .WithSalt(salt)
            .WithSecret(secret)
            .WithAdditional(associatedData)
            .Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var tag = new byte[tagLength];
        generator.GenerateBytes(password, tag);
        return tag;
    }

    [Fact]
    public void BouncyCastle_reference_reproduces_the_RFC_9106_section_5_3_Argon2id_vector()
    {
        byte[] tag = Reference(
            password: Enumerable.Repeat((byte)0x01, 32).ToArray(),
            salt: Enumerable.Repeat((byte)0x02, 16).ToArray(),
            iterations: 3,
            memoryKiB: 32,
            parallelism: 4,
            secret: Enumerable.Repeat((byte)0x03, 8).ToArray(),
            associatedData: Enumerable.Repeat((byte)0x04, 12).ToArray(),
            tagLength: 32);
        Assert.Equal("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Hex.Encode(tag));
    }

    /// <summary>Password length, iterations (t), memory (m, KiB), tag length; all with p = 1 and a 16-byte salt.</summary>
    public static readonly TheoryData<int, int, int, int> ParameterSets = new()
    {
        { 0, 1, 8, 16 },
        { 8, 1, 8, 32 },
        { 32, 3, 32, 32 },
        { 11, 2, 64, 64 },
        { 100, 1, 256, 32 },
        { 32, 4, 100, 24 },
        { 16, 1, 1024, 32 },
        { 64, 2, 512, 128 },
    };

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void TryDeriveKey_equals_the_reference_with_p_1_and_no_secret_or_associated_data(
        int passwordLength, int iterations, int memoryKiB, int tagLength)
    {
        var random = new SeededRandomSource((ulong)((passwordLength * 1_000_000) + (iterations * 10_000) + memoryKiB));
        byte[] password = new byte[passwordLength];
        byte[] salt = new byte[Argon2id.SaltSize];
        random.Fill(password);
        random.Fill(salt);

        var output = new byte[tagLength];
        Assert.True(Argon2id.TryDeriveKey(password, salt, iterations, memoryKiB, output));

        byte[] expected = Reference(password, salt, iterations, memoryKiB, parallelism: 1, [], [], tagLength);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(output));
    }

    [Fact]
    public void TryDeriveKey_depends_on_password_salt_and_cost()
    {
        byte[] salt = new byte[Argon2id.SaltSize];
        byte[] otherSalt = new byte[Argon2id.SaltSize];
        otherSalt[0] = 1;
        byte[] Derive(byte[] password, byte[] s, int t, int m)
        {
            var output = new byte[32];
            Assert.True(Argon2id.TryDeriveKey(password, s, t, m, output));
            return output;
        }

        byte[] baseline = Derive("pass"u8.ToArray(), salt, 1, 8);
        Assert.Equal(baseline, Derive("pass"u8.ToArray(), salt, 1, 8));
        Assert.NotEqual(baseline, Derive("pasS"u8.ToArray(), salt, 1, 8));
        Assert.NotEqual(baseline, Derive("pass"u8.ToArray(), otherSalt, 1, 8));
        Assert.NotEqual(baseline, Derive("pass"u8.ToArray(), salt, 2, 8));
        Assert.NotEqual(baseline, Derive("pass"u8.ToArray(), salt, 1, 16));
    }

    [Fact]
    public void Out_of_range_parameters_are_caller_bugs_and_throw()
    {
        byte[] salt = new byte[Argon2id.SaltSize];
        var output = new byte[32];
        Assert.Throws<ArgumentException>(() => Argon2id.TryDeriveKey([], new byte[8], 1, 8, output));
        Assert.Throws<ArgumentOutOfRangeException>(() => Argon2id.TryDeriveKey([], salt, 0, 8, output));
        Assert.Throws<ArgumentOutOfRangeException>(() => Argon2id.TryDeriveKey([], salt, 1, Argon2id.MinMemoryKiB - 1, output));
        Assert.Throws<ArgumentOutOfRangeException>(() => Argon2id.TryDeriveKey([], salt, 1, 8, new byte[15]));
    }
}
