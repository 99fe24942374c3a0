namespace Kith.Wire.Pqxdh;

/// <summary>Fixed field sizes of the PQXDH initial message (RFC 7748 §5, RFC 8032 §5.1.6, FIPS 203 §8).</summary>
internal static class PqxdhSizes
{
    internal const int X25519Key = 32;
    internal const int Signature = 64;
    internal const int KemCiphertext = 1568;

    /// <summary>
    /// Whether <paramref name="key"/> is the canonical little-endian encoding of a field element: below
    /// p = 2^255 − 19, hence bit 255 clear. Every honestly computed X25519 public key is (RFC 7748 §5).
    /// </summary>
    internal static bool IsCanonicalX25519(ReadOnlySpan<byte> key)
    {
        if (key[31] != 0x7F)
        {
            return key[31] < 0x7F;
        }

        // With the top byte at 0x7F the value reaches p only if bytes 1..30 are all 0xFF and byte 0 is at least 0xED.
        return key[0] < 0xED || key[1..31].IndexOfAnyExcept((byte)0xFF) >= 0;
    }

    internal static void Check(byte[] value, int expected, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {value.Length}.", name);
        }
    }
}
