using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// The words of one reply line split into positional words and <c>KEY=VALUE</c> pairs (control-spec §2.3, §3.21
/// <c>PROTOCOLINFO</c>, §4.1 event formats); values may be quoted strings.
/// </summary>
public sealed class ControlArguments
{
    private readonly Dictionary<string, string> _keyed;

    private ControlArguments(List<string> positional, Dictionary<string, string> keyed)
    {
        Positional = positional;
        _keyed = keyed;
    }

    /// <summary>Words without <c>=</c>, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>The value for <paramref name="key"/>, or <c>null</c>.</summary>
    public string? this[string key] => _keyed.TryGetValue(key, out var value) ? value : null;

    /// <summary>Splits <paramref name="text"/>; a repeated key or a stray quote is malformed.</summary>
    public static Result<ControlArguments> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var positional = new List<string>();
        var keyed = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = text.AsSpan();
        while (true)
        {
            rest = rest.TrimStart(' ');
            if (rest.IsEmpty)
            {
                return new ControlArguments(positional, keyed);
            }

            var wordEnd = rest.IndexOfAny(' ', '=', '"');
            if (wordEnd >= 0 && rest[wordEnd] == '"')
            {
                return ControlErrors.Malformed;
            }

            if (wordEnd < 0 || rest[wordEnd] == ' ')
            {
                var end = wordEnd < 0 ? rest.Length : wordEnd;
                positional.Add(rest[..end].ToString());
                rest = rest[end..];
                continue;
            }

            var key = rest[..wordEnd].ToString();
            rest = rest[(wordEnd + 1)..];
            string value;
            if (!rest.IsEmpty && rest[0] == '"')
            {
                var quoted = QuotedString.TryUnquote(rest);
                if (!quoted.TryGet(out var q, out var error))
                {
                    return error;
                }

                value = q.Value;
                rest = rest[q.Consumed..];
                if (!rest.IsEmpty && rest[0] != ' ')
                {
                    return ControlErrors.Malformed;
                }
            }
            else
            {
                var end = rest.IndexOf(' ');
                end = end < 0 ? rest.Length : end;
                value = rest[..end].ToString();
                rest = rest[end..];
            }

            if (key.Length == 0 || !keyed.TryAdd(key, value))
            {
                return ControlErrors.Malformed;
            }
        }
    }
}
