namespace Kith.Crypto.Tests;

/// <summary>Test vectors are written as hex, as the RFCs print them.</summary>
internal static class Hex
{
    public static byte[] Decode(string hex) => Convert.FromHexString(hex);

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
