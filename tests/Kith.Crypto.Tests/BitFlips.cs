namespace Kith.Crypto.Tests;

/// <summary>Every single-bit variation of a buffer, for exhaustive tamper tests.</summary>
internal static class BitFlips
{
    public static IEnumerable<byte[]> Of(byte[] original)
    {
        for (int bit = 0; bit < original.Length * 8; bit++)
        {
            byte[] copy = (byte[])original.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            yield return copy;
        }
    }
}

/// <summary>Cheap checks for tests that look at thousands of buffers.</summary>
internal static class Zeroes
{
    public static void Assert(ReadOnlySpan<byte> buffer) =>
        Xunit.Assert.True(buffer.IndexOfAnyExcept((byte)0) < 0, "the output buffer was not zeroed");
}
