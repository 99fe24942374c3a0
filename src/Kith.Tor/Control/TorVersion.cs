using System.Globalization;

namespace Kith.Tor.Control;

/// <summary>
/// A tor version (tor's version-spec: <c>MAJOR.MINOR.MICRO[.PATCHLEVEL][-STATUS_TAG][ (EXTRA_INFO)]</c>),
/// compared by its numbers; the status tag is kept for display only.
/// </summary>
public sealed class TorVersion
{
    /// <summary>The first version whose <c>ADD_ONION</c> takes <c>PoWDefensesEnabled</c>: 0.4.9.2-alpha.</summary>
    public static TorVersion AddOnionProofOfWork { get; } = new(0, 4, 9, 2, "alpha");

    /// <summary>Creates a version from its parts.</summary>
    public TorVersion(int major, int minor, int micro, int patchLevel, string? statusTag = null)
    {
        Major = major;
        Minor = minor;
        Micro = micro;
        PatchLevel = patchLevel;
        StatusTag = statusTag;
    }

    /// <summary>The major number.</summary>
    public int Major { get; }

    /// <summary>The minor number.</summary>
    public int Minor { get; }

    /// <summary>The micro number.</summary>
    public int Micro { get; }

    /// <summary>The patch level (0 when absent).</summary>
    public int PatchLevel { get; }

    /// <summary>The status tag (<c>alpha</c>, <c>rc</c>, <c>alpha-dev</c>), or <c>null</c>.</summary>
    public string? StatusTag { get; }

    /// <summary>Parses a version as <c>GETINFO version</c> or <c>PROTOCOLINFO</c> reports it.</summary>
    public static bool TryParse(string? text, out TorVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var core = text.AsSpan();
        var space = core.IndexOf(' ');
        if (space >= 0)
        {
            core = core[..space];
        }

        string? tag = null;
        var dash = core.IndexOf('-');
        if (dash >= 0)
        {
            tag = core[(dash + 1)..].ToString();
            core = core[..dash];
        }

        Span<int> numbers = stackalloc int[4];
        var count = 0;
        foreach (var range in core.Split('.'))
        {
            if (count == 4 || !int.TryParse(core[range], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[count]))
            {
                return false;
            }

            count++;
        }

        if (count < 3)
        {
            return false;
        }

        version = new TorVersion(numbers[0], numbers[1], numbers[2], numbers[3], tag);
        return true;
    }

    /// <summary>Whether this version is <paramref name="other"/> or later, comparing the four numbers only.</summary>
    public bool IsAtLeast(TorVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Compare(other) >= 0;
    }

    private int Compare(TorVersion other)
    {
        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Micro.CompareTo(other.Micro);
        return c != 0 ? c : PatchLevel.CompareTo(other.PatchLevel);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Micro}.{PatchLevel}{(StatusTag is null ? "" : "-" + StatusTag)}");
}
