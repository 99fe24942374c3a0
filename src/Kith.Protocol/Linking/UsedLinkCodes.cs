namespace Kith.Protocol.Linking;

/// <summary>
/// Codes an existing device has already entered, by digest, so that entering one again fails even if the new
/// device would answer. Entries are dropped once their code has expired, when it would fail anyway.
/// </summary>
public sealed class UsedLinkCodes
{
    private readonly Dictionary<string, long> _used = new(StringComparer.Ordinal);

    /// <summary>Whether the code with <paramref name="digest"/> was used.</summary>
    public bool Contains(ReadOnlySpan<byte> digest) => _used.ContainsKey(Convert.ToHexString(digest));

    /// <summary>Remembers a used code until it expires.</summary>
    public void Add(ReadOnlySpan<byte> digest, long expiresAtUnixMs, long nowUnixMs)
    {
        foreach (string expired in _used.Where(pair => pair.Value <= nowUnixMs).Select(pair => pair.Key).ToList())
        {
            _used.Remove(expired);
        }

        _used[Convert.ToHexString(digest)] = expiresAtUnixMs;
    }
}
