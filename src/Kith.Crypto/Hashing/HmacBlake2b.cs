using System.Security.Cryptography;

namespace Kith.Crypto;

/// <summary>
/// HMAC (RFC 2104) over BLAKE2b-512, as the Noise Protocol Framework defines <c>HMAC-HASH</c>
/// (Noise rev. 34, §4.3): HASHLEN = 64, BLOCKLEN = 128. Noise uses it only inside HKDF, on keys of
/// HASHLEN bytes and short inputs.
/// </summary>
public static class HmacBlake2b
{
    /// <summary>Output size: BLAKE2b's HASHLEN in Noise, 64 bytes.</summary>
    public const int HashSize = 64;

    /// <summary>Computes <c>HMAC-BLAKE2b(key, data)</c> into the 64-byte <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        X25519.CheckLength(output, HashSize, nameof(output));
        Span<byte> block = stackalloc byte[Blake2b.BlockSize];
        Span<byte> inner = stackalloc byte[HashSize];
        try
        {
            // RFC 2104 §2: keys longer than the block are hashed first.
            if (key.Length > Blake2b.BlockSize)
            {
                Blake2b.Hash(key, block[..HashSize]);
            }
            else
            {
                key.CopyTo(block);
            }

            Xor(block, 0x36);
            using (var hasher = new Blake2bHasher(HashSize))
            {
                hasher.Update(block);
                hasher.Update(data);
                hasher.Finish(inner);
            }

            Xor(block, 0x36 ^ 0x5c);
            using (var hasher = new Blake2bHasher(HashSize))
            {
                hasher.Update(block);
                hasher.Update(inner);
                hasher.Finish(output);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
            CryptographicOperations.ZeroMemory(inner);
        }
    }

    private static void Xor(Span<byte> block, byte pad)
    {
        for (int i = 0; i < block.Length; i++)
        {
            block[i] ^= pad;
        }
    }
}
