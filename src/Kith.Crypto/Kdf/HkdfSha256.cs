using System.Security.Cryptography;
using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// HKDF with SHA-256 (RFC 5869) and HMAC-SHA-256 (RFC 2104): the KDF of PQXDH (Signal PQXDH §2.2,
/// "hash" = SHA-256) and of the Double Ratchet's recommended algorithms (Signal Double Ratchet §5.2).
/// </summary>
/// <remarks>
/// <see cref="Hmac"/> and <see cref="DeriveKey"/> run on libsodium (<c>crypto_auth_hmacsha256</c>,
/// <c>crypto_kdf_hkdf_sha256</c>): every sealed message makes two HMACs (the chain step) and one HKDF (its cipher key
/// and nonce) over a few dozen bytes, where .NET's one-shot calls spend most of their time setting up an OpenSSL
/// context; libsodium's state lives on the stack and costs about a third less per message (bench event-store). The
/// outputs are the RFC's, byte for byte: the RFC 4231 and RFC 5869 vectors in the tests check this type.
/// </remarks>
public static unsafe class HkdfSha256
{
    /// <summary>SHA-256 output size.</summary>
    public const int HashSize = 32;

    /// <summary>Largest HKDF output, 255 hash lengths (RFC 5869 §2.3).</summary>
    public const int MaxOutputSize = 255 * HashSize;

    // crypto_auth_hmacsha256_state: two SHA-256 states, 208 bytes; asked of the library rather than assumed.
    private static readonly int HmacStateSize = checked((int)Libsodium.crypto_auth_hmacsha256_statebytes());

    /// <summary>HKDF-Extract-then-Expand (RFC 5869 §2.2–2.3) into <paramref name="output"/> (1 to <see cref="MaxOutputSize"/> bytes).</summary>
    public static void DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (output.IsEmpty || output.Length > MaxOutputSize)
        {
            throw new ArgumentException($"HKDF-SHA-256 outputs 1 to {MaxOutputSize} bytes.", nameof(output));
        }

        Libsodium.EnsureInitialized();
        Span<byte> pseudoRandomKey = stackalloc byte[HashSize];
        try
        {
            fixed (byte* prk = pseudoRandomKey)
            fixed (byte* s = salt)
            fixed (byte* ikm = inputKeyMaterial)
            fixed (byte* i = info)
            fixed (byte* o = output)
            {
                _ = Libsodium.crypto_kdf_hkdf_sha256_extract(prk, s, (nuint)salt.Length, ikm, (nuint)inputKeyMaterial.Length);
                _ = Libsodium.crypto_kdf_hkdf_sha256_expand(o, (nuint)output.Length, i, (nuint)info.Length, prk);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pseudoRandomKey);
        }
    }

    /// <summary>HKDF-Extract (RFC 5869 §2.2).</summary>
    public static void Extract(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudoRandomKey) =>
        HKDF.Extract(HashAlgorithmName.SHA256, inputKeyMaterial, salt, pseudoRandomKey);

    /// <summary>HKDF-Expand (RFC 5869 §2.3).</summary>
    public static void Expand(ReadOnlySpan<byte> pseudoRandomKey, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, output, info);

    /// <summary>HMAC-SHA-256 (RFC 2104) of <paramref name="data"/> into 32 bytes; any key length.</summary>
    public static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        X25519.CheckLength(output, HashSize, nameof(output));
        Span<byte> state = stackalloc byte[HmacStateSize];
        try
        {
            fixed (byte* st = state)
            fixed (byte* k = key)
            fixed (byte* d = data)
            fixed (byte* o = output)
            {
                _ = Libsodium.crypto_auth_hmacsha256_init(st, k, (nuint)key.Length);
                _ = Libsodium.crypto_auth_hmacsha256_update(st, d, (ulong)data.Length);
                _ = Libsodium.crypto_auth_hmacsha256_final(st, o);
            }
        }
        finally
        {
            // The state holds the key's padded hashes (RFC 2104 §4), which let anyone compute this key's MACs.
            CryptographicOperations.ZeroMemory(state);
        }
    }

    /// <summary>SHA-256 of <paramref name="data"/> into 32 bytes.</summary>
    public static void Sha256(ReadOnlySpan<byte> data, Span<byte> output)
    {
        X25519.CheckLength(output, HashSize, nameof(output));
        _ = SHA256.HashData(data, output);
    }
}
