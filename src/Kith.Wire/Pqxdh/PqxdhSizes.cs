namespace Kith.Wire.Pqxdh;

/// <summary>Fixed field sizes of the PQXDH initial message (RFC 7748 §5, RFC 8032 §5.1.6, FIPS 203 §8).</summary>
internal static class PqxdhSizes
{
    internal const int X25519Key = 32;
    internal const int Signature = 64;
    internal const int KemCiphertext = 1568;

    internal static void Check(byte[] value, int expected, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {value.Length}.", name);
        }
    }
}
