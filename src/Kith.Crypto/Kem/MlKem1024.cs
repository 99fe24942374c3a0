using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Kith.Crypto;

/// <summary>
/// ML-KEM-1024 (FIPS 203) through BouncyCastle: the post-quantum KEM of PQXDH (Signal PQXDH §2.2,
/// "pqkem"). A private key is stored as its 64-byte seed (d ‖ z, FIPS 203 §6.1) and expanded on use.
/// </summary>
public static class MlKem1024
{
    /// <summary>Seed (private key) size, FIPS 203 §6.1.</summary>
    public const int SeedSize = 64;

    /// <summary>Encapsulation key size for ML-KEM-1024, FIPS 203 §8 table 3.</summary>
    public const int PublicKeySize = 1568;

    /// <summary>Ciphertext size for ML-KEM-1024, FIPS 203 §8 table 3.</summary>
    public const int CiphertextSize = 1568;

    /// <summary>Shared secret size, FIPS 203 §8.</summary>
    public const int SharedSecretSize = 32;

    private static readonly MLKemParameters Parameters = MLKemParameters.ml_kem_1024;

    /// <summary>Draws a new private key seed.</summary>
    public static SecretBytes GenerateSeed(IRandomSource random) => SecretBytes.Random(SeedSize, random);

    /// <summary>The encapsulation (public) key of a seed.</summary>
    public static byte[] DerivePublicKey(ReadOnlySpan<byte> seed)
    {
        X25519.CheckLength(seed, SeedSize, nameof(seed));
        byte[] copy = seed.ToArray();
        try
        {
            return MLKemPrivateKeyParameters.FromSeed(Parameters, copy).GetPublicKeyEncoded();
        }
        finally
        {
            // BouncyCastle takes arrays; wipe our copy of the seed (its expanded key is out of our reach).
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <summary>
    /// Encapsulates to <paramref name="publicKey"/> (FIPS 203 §7.2): writes the ciphertext and the shared
    /// secret. Returns <c>false</c> when the key is not a valid ML-KEM-1024 encapsulation key
    /// (wrong length or the §7.2 modulus check fails): keys come from peers.
    /// </summary>
    public static bool TryEncapsulate(ReadOnlySpan<byte> publicKey, IRandomSource random, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        X25519.CheckLength(ciphertext, CiphertextSize, nameof(ciphertext));
        X25519.CheckLength(sharedSecret, SharedSecretSize, nameof(sharedSecret));
        if (publicKey.Length != PublicKeySize)
        {
            return false;
        }

        MLKemPublicKeyParameters key;
        try
        {
            key = MLKemPublicKeyParameters.FromEncoding(Parameters, publicKey.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }

        var encapsulator = new MLKemEncapsulator(Parameters);
        encapsulator.Init(new ParametersWithRandom(key, new InjectedSecureRandom(random)));
        encapsulator.Encapsulate(ciphertext, sharedSecret);
        return true;
    }

    /// <summary>
    /// Decapsulates (FIPS 203 §7.3). A wrong-length ciphertext is <c>false</c>; a forged one of the right
    /// length yields an unrelated secret (implicit rejection), so the caller's AEAD fails later.
    /// </summary>
    public static bool TryDecapsulate(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        X25519.CheckLength(seed, SeedSize, nameof(seed));
        X25519.CheckLength(sharedSecret, SharedSecretSize, nameof(sharedSecret));
        if (ciphertext.Length != CiphertextSize)
        {
            return false;
        }

        byte[] copy = seed.ToArray();
        try
        {
            var decapsulator = new MLKemDecapsulator(Parameters);
            decapsulator.Init(MLKemPrivateKeyParameters.FromSeed(Parameters, copy));
            decapsulator.Decapsulate(ciphertext, sharedSecret);
            return true;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <summary>Adapts the injected random source to BouncyCastle, so encapsulation is reproducible under a seed.</summary>
    private sealed class InjectedSecureRandom(IRandomSource source) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => source.Fill(buf);

        public override void NextBytes(byte[] buf, int off, int len) => source.Fill(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer) => source.Fill(buffer);
    }
}
