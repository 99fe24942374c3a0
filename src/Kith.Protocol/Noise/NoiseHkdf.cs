using System.Security.Cryptography;
using Kith.Crypto;

namespace Kith.Protocol.Noise;

/// <summary>
/// Noise's <c>HKDF(chaining_key, input_key_material, num_outputs)</c> (Noise rev. 34 §4.3) over
/// HMAC-BLAKE2b: RFC 5869 with the chaining key as salt, an empty info, and outputs of HASHLEN = 64.
/// </summary>
internal static class NoiseHkdf
{
    /// <summary>HASHLEN for BLAKE2b (§12.8).</summary>
    public const int HashLength = HmacBlake2b.HashSize;

    /// <summary>
    /// Writes two or three outputs of <see cref="HashLength"/> bytes; <paramref name="output3"/> is skipped when
    /// empty. Outputs may alias <paramref name="chainingKey"/>: it is read only before any output is written.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> chainingKey, ReadOnlySpan<byte> inputKeyMaterial,
        Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        Span<byte> tempKey = stackalloc byte[HashLength];
        Span<byte> block = stackalloc byte[HashLength + 1];
        Span<byte> previous = stackalloc byte[HashLength];
        try
        {
            HmacBlake2b.Compute(chainingKey, inputKeyMaterial, tempKey);

            block[0] = 0x01;
            HmacBlake2b.Compute(tempKey, block[..1], previous);
            previous.CopyTo(output1);

            previous.CopyTo(block);
            block[HashLength] = 0x02;
            HmacBlake2b.Compute(tempKey, block, previous);
            previous.CopyTo(output2);

            if (!output3.IsEmpty)
            {
                previous.CopyTo(block);
                block[HashLength] = 0x03;
                HmacBlake2b.Compute(tempKey, block, previous);
                previous.CopyTo(output3);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tempKey);
            CryptographicOperations.ZeroMemory(block);
            CryptographicOperations.ZeroMemory(previous);
        }
    }
}
