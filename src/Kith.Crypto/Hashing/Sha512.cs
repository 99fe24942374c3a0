namespace Kith.Crypto;

/// <summary>
/// SHA-512 (FIPS 180-4), for Signal-compatible numeric fingerprints (safety numbers), which iterate it.
/// </summary>
public static class Sha512
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 64;

    /// <summary>Hashes <paramref name="data"/> into the 64-byte <paramref name="hash"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException("A SHA-512 digest is 64 bytes.", nameof(hash));
        }

        _ = System.Security.Cryptography.SHA512.HashData(data, hash);
    }
}
