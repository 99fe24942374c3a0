namespace Kith.Node.Tor;

/// <summary>
/// Whether a tor executable can be started, checked before starting it so a missing tor gets the sentence of
/// <see cref="NodeErrors.TorMissing"/> rather than a process-start failure. The node never installs anything.
/// </summary>
internal static class TorLocator
{
    public static bool Exists(string executable, string? searchPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable);
        }

        return (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, executable)));
    }
}
