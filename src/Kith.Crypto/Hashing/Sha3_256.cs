using Org.BouncyCastle.Crypto.Digests;

namespace Kith.Crypto;

/// <summary>
/// SHA3-256 (FIPS 202), which Tor uses for the checksum of v3 onion addresses (rend-spec-v3 §6,
/// "Encoding onion addresses"). The platform's implementation is used where the OS provides one;
/// BouncyCastle's otherwise, so the result never depends on the host.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
    Justification = "Named as in FIPS 202 and System.Security.Cryptography.SHA3_256.")]
public static class Sha3_256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/> into the 32-byte <paramref name="hash"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException("A SHA3-256 digest is 32 bytes.", nameof(hash));
        }

        if (System.Security.Cryptography.SHA3_256.IsSupported)
        {
            _ = System.Security.Cryptography.SHA3_256.HashData(data, hash);
            return;
        }

        var digest = new Sha3Digest(256);
        digest.BlockUpdate(data);
        _ = digest.DoFinal(hash);
    }
}
