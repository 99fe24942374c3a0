using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// BLAKE2b (RFC 7693) through libsodium's <c>crypto_generichash</c>: 1..64-byte digests, optional
/// 16..64-byte key (keyed hashing is BLAKE2b's MAC mode, RFC 7693 §2.9).
/// </summary>
public static unsafe class Blake2b
{
    /// <summary>Largest digest, RFC 7693 §2.1.</summary>
    public const int MaxHashSize = 64;

    /// <summary>Digest used for Kith's ids (event ids, account ids): 256 bits.</summary>
    public const int Hash256Size = 32;

    /// <summary>BLAKE2b's block size in bytes (RFC 7693 §2.1), the HMAC block size (Noise §4.3).</summary>
    public const int BlockSize = 128;

    /// <summary>Largest key, RFC 7693 §2.1.</summary>
    public const int MaxKeySize = 64;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="hash"/> (1..64 bytes), optionally keyed.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash, ReadOnlySpan<byte> key = default)
    {
        if (hash.Length is < 1 or > MaxHashSize)
        {
            throw new ArgumentException("BLAKE2b digests are 1 to 64 bytes.", nameof(hash));
        }

        if (key.Length > MaxKeySize)
        {
            throw new ArgumentException("BLAKE2b keys are at most 64 bytes.", nameof(key));
        }

        Libsodium.EnsureInitialized();
        fixed (byte* o = hash)
        fixed (byte* i = data)
        fixed (byte* k = key)
        {
            _ = Libsodium.crypto_generichash_blake2b(o, (nuint)hash.Length, i, (ulong)data.Length, k, (nuint)key.Length);
        }
    }

    /// <summary>A 32-byte digest of the concatenation of <paramref name="parts"/>.</summary>
    public static byte[] Hash256(params ReadOnlySpan<byte[]> parts)
    {
        using var hasher = new Blake2bHasher(Hash256Size);
        foreach (byte[] part in parts)
        {
            hasher.Update(part);
        }

        var output = new byte[Hash256Size];
        hasher.Finish(output);
        return output;
    }
}
