using System.Security.Cryptography;

namespace Kith.Crypto;

/// <summary>
/// HKDF with SHA-256 (RFC 5869) and HMAC-SHA-256 (RFC 2104), on .NET's span-based implementations:
/// the KDF of PQXDH (Signal PQXDH §2.2, "hash" = SHA-256) and of the Double Ratchet's recommended
/// algorithms (Signal Double Ratchet §5.2).
/// </summary>
public static class HkdfSha256
{
    /// <summary>SHA-256 output size.</summary>
    public const int HashSize = 32;

    /// <summary>HKDF-Extract-then-Expand (RFC 5869 §2.2–2.3) into <paramref name="output"/>.</summary>
    public static void DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, output, salt, info);

    /// <summary>HKDF-Extract (RFC 5869 §2.2).</summary>
    public static void Extract(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudoRandomKey) =>
        HKDF.Extract(HashAlgorithmName.SHA256, inputKeyMaterial, salt, pseudoRandomKey);

    /// <summary>HKDF-Expand (RFC 5869 §2.3).</summary>
    public static void Expand(ReadOnlySpan<byte> pseudoRandomKey, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, output, info);

    /// <summary>HMAC-SHA-256 (RFC 2104) of <paramref name="data"/> into 32 bytes.</summary>
    public static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        X25519.CheckLength(output, HashSize, nameof(output));
        _ = HMACSHA256.HashData(key, data, output);
    }

    /// <summary>SHA-256 of <paramref name="data"/> into 32 bytes.</summary>
    public static void Sha256(ReadOnlySpan<byte> data, Span<byte> output)
    {
        X25519.CheckLength(output, HashSize, nameof(output));
        _ = SHA256.HashData(data, output);
    }
}
