using System.Globalization;
using System.Text;
using Kith.Tor.Control;

namespace Kith.Tor.Hosting;

/// <summary>
/// Writes a torrc (tor-manual "THE CONFIGURATION FILE FORMAT"): one <c>Keyword value</c> per line. Paths are quoted
/// (tor accepts C-style quoted values), so spaces and <c>#</c> in a path cannot change the configuration.
/// </summary>
public sealed class Torrc
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <c>keyword value</c>; the value is written as given (no CR or LF allowed).</summary>
    public Torrc Add(string keyword, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        ArgumentNullException.ThrowIfNull(value);
        if (!keyword.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A torrc line is a keyword and a one-line value.");
        }

        _text.Append(keyword).Append(' ').Append(value).Append('\n');
        return this;
    }

    /// <summary>Adds <c>keyword "path"</c>.</summary>
    public Torrc AddPath(string keyword, string path) => Add(keyword, QuotedString.Quote(Path.GetFullPath(path)));

    /// <summary>Adds <c>keyword number</c>.</summary>
    public Torrc Add(string keyword, long value) => Add(keyword, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a complete line as written (for options tests pass through).</summary>
    public Torrc AddLine(string line)
    {
        ArgumentException.ThrowIfNullOrEmpty(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? Add(line, "") : Add(line[..space], line[(space + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
