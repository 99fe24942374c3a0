using System.Text;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// Tor's <c>QuotedString</c> (control-spec §2.1.1 "Notes on an escaping bug"; §2.3): a double-quoted string with
/// backslash escapes. Tor writes C-style escapes (<c>\n</c>, <c>\t</c>, <c>\r</c>, <c>\"</c>, <c>\\</c>, octal <c>\ooo</c>).
/// </summary>
public static class QuotedString
{
    /// <summary>Quotes <paramref name="value"/> for a command argument; CR, LF and NUL cannot be sent.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("A control argument cannot contain CR, LF or NUL.", nameof(value));
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Reads a quoted string at the start of <paramref name="text"/> (which begins with <c>"</c>), returning the
    /// unescaped value and how many characters it took.
    /// </summary>
    public static Result<(string Value, int Consumed)> TryUnquote(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] != '"')
        {
            return ControlErrors.Malformed;
        }

        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // Octal escapes produce raw bytes (tor escapes UTF-8 paths byte by byte).
                return (Encoding.UTF8.GetString(bytes.ToArray()), i + 1);
            }

            if (c != '\\')
            {
                var n = new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(utf8);
                bytes.AddRange(utf8[..n]);
                continue;
            }

            if (++i == text.Length)
            {
                return ControlErrors.Malformed;
            }

            switch (text[i])
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case >= '0' and <= '7':
                    if (i + 2 >= text.Length || !IsOctal(text[i + 1]) || !IsOctal(text[i + 2]))
                    {
                        return ControlErrors.Malformed;
                    }

                    var value = ((text[i] - '0') * 64) + ((text[i + 1] - '0') * 8) + (text[i + 2] - '0');
                    if (value > 255)
                    {
                        return ControlErrors.Malformed;
                    }

                    bytes.Add((byte)value);
                    i += 2;
                    break;
                default:
                    if (text[i] > 0x7F)
                    {
                        return ControlErrors.Malformed;
                    }

                    bytes.Add((byte)text[i]);
                    break;
            }
        }

        return ControlErrors.Malformed;
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
