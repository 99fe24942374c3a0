using Kith.Primitives;

namespace Kith.Protocol.Storage;

/// <summary>The argument rules every <see cref="IStateStore"/> enforces, so implementations agree on what is a caller bug.</summary>
public static class StateStoreArguments
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="kind"/> is 1 to <see cref="Limits.MaxStateKindLength"/>
    /// characters of <c>a-z 0-9 . _ -</c> and <paramref name="key"/> is at most <see cref="Limits.MaxStateKeyLength"/> bytes.
    /// </summary>
    public static void ThrowIfInvalid(string kind, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Length is 0 or > Limits.MaxStateKindLength)
        {
            throw new ArgumentException($"A state kind is 1 to {Limits.MaxStateKindLength} characters.", nameof(kind));
        }

        foreach (char c in kind)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ArgumentException("A state kind uses only a-z, 0-9, '.', '_' and '-'.", nameof(kind));
            }
        }

        if (key.Length > Limits.MaxStateKeyLength)
        {
            throw new ArgumentException($"A state key is at most {Limits.MaxStateKeyLength} bytes.", nameof(key));
        }
    }

    /// <summary>Like <see cref="ThrowIfInvalid(string, ReadOnlySpan{byte})"/>, and also bounds <paramref name="value"/> by <see cref="Limits.MaxStateValueLength"/>.</summary>
    public static void ThrowIfInvalid(string kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ThrowIfInvalid(kind, key);
        if (value.Length > Limits.MaxStateValueLength)
        {
            throw new ArgumentException($"A state value is at most {Limits.MaxStateValueLength} bytes.", nameof(value));
        }
    }
}
