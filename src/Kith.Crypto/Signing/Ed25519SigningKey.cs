using NSec.Cryptography;

namespace Kith.Crypto;

/// <summary>
/// A long-lived Ed25519 identity key (RFC 8032), held as an NSec <see cref="Key"/> so the secret lives in
/// libsodium's guarded, locked memory. Only identity keys use this type: NSec keys are costly per
/// instance (see <see cref="Interop.Libsodium"/>).
/// </summary>
public sealed class Ed25519SigningKey : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;
    private readonly byte[] _publicKey;

    private Ed25519SigningKey(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>A copy of the public key.</summary>
    public byte[] PublicKeyBytes => (byte[])_publicKey.Clone();

    /// <summary>Generates a key from a 32-byte seed drawn from <paramref name="random"/>.</summary>
    public static Ed25519SigningKey Generate(IRandomSource random)
    {
        using var seed = SecretBytes.Random(Ed25519.SeedSize, random);
        return FromSeed(seed.Span);
    }

    /// <summary>Imports a stored 32-byte seed (RFC 8032 private key).</summary>
    public static Ed25519SigningKey FromSeed(ReadOnlySpan<byte> seed)
    {
        X25519.CheckLength(seed, Ed25519.SeedSize, nameof(seed));
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new Ed25519SigningKey(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, in parameters));
    }

    /// <summary>Exports the seed for encrypted storage. The caller disposes it.</summary>
    public SecretBytes ExportSeed()
    {
        byte[] raw = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return SecretBytes.CopyFrom(raw);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Signs <paramref name="message"/> into the 64-byte <paramref name="signature"/>.</summary>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature) => Algorithm.Sign(_key, message, signature);

    /// <summary>Signs <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <summary>Destroys the key.</summary>
    public void Dispose() => _key.Dispose();

    /// <summary>Prints the public key only.</summary>
    public override string ToString() => $"Ed25519SigningKey(public {Convert.ToHexStringLower(_publicKey)})";
}
