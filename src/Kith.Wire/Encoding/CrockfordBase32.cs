namespace Kith.Wire;

/// <summary>
/// Douglas Crockford's base32 (https://www.crockford.com/base32.html): digits and capital letters without
/// I, L, O and U, so that no two symbols look alike. Decoding is forgiving in the ways the alphabet was
/// designed for: case is ignored, <c>O</c> reads as 0, <c>I</c> and <c>L</c> read as 1, and hyphens and
/// white space (line breaks from mail clients, spaces from chat apps) are skipped. Every symbol is also in
/// the QR alphanumeric set (ISO/IEC 18004 §7.4.4), so the upper-case text fits QR's denser mode.
/// </summary>
public static class CrockfordBase32
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Characters needed for <paramref name="byteCount"/> bytes (5 bits each, last one padded with zero bits).</summary>
    public static int EncodedLength(int byteCount) => checked((byteCount * 8) + 4) / 5;

    /// <summary>Encodes most-significant bit first, in upper case, without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        return string.Create(EncodedLength(data.Length), data.ToArray(), static (chars, bytes) =>
        {
            int buffer = 0;
            int bits = 0;
            int o = 0;
            foreach (byte b in bytes)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    bits -= 5;
                    chars[o++] = Alphabet[(buffer >> bits) & 31];
                }

                buffer &= (1 << bits) - 1;
            }

            if (bits > 0)
            {
                chars[o] = Alphabet[(buffer << (5 - bits)) & 31];
            }
        });
    }

    /// <summary>
    /// Decodes, skipping white space and hyphens. Fails (returns <c>null</c>) on a symbol outside the
    /// alphabet, including <c>U</c>. Bits left over after the last whole byte are dropped: a text cut short
    /// then decodes to fewer bytes, which the caller's length and checksum report as truncated.
    /// </summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0;
        int bits = 0;
        foreach (char c in text)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            int value = ValueOf(c);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }

    private static int ValueOf(char c)
    {
        char u = char.ToUpperInvariant(c);
        return u switch
        {
            'O' => 0,
            'I' or 'L' => 1,
            'U' => -1,
            _ => Alphabet.IndexOf(u, StringComparison.Ordinal),
        };
    }
}
