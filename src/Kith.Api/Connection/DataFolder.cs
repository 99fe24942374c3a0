namespace Kith.Api.Connection;

/// <summary>
/// Where the node keeps its store, its tor's state and the API connection file: <c>--data</c> if given, else
/// <c>$XDG_DATA_HOME/kith</c>, else <c>~/.local/share/kith</c> (XDG Base Directory Specification 0.8). The folder is
/// owner-only (0700): it holds the encrypted store, tor's keys and the API token. Node and clients share this
/// convention, so it lives with the API's contracts.
/// </summary>
public static class DataFolder
{
    /// <summary>Subfolder for the node's own tor (its <c>DataDirectory</c>).</summary>
    public const string TorFolder = "tor";

    /// <summary>The folder to use, not yet created; <paramref name="environment"/> reads a variable.</summary>
    public static string Resolve(string? overridePath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return Path.GetFullPath(overridePath);
        }

        // The spec: "If $XDG_DATA_HOME is either not set or empty, a default equal to $HOME/.local/share should be
        // used", and relative paths in it are invalid and must be ignored.
        string? xdg = environment("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "kith");
        }

        string home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "kith");
    }

    /// <summary>Creates <paramref name="folder"/> (and parents) owner-only (0700) if missing.</summary>
    public static void Ensure(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
