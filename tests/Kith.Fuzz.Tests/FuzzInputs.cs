namespace Kith.Fuzz.Tests;

/// <summary>The committed fuzz inputs as copied next to the tests: fuzz/corpus and fuzz/regressions.</summary>
internal static class FuzzInputs
{
    public const string Corpus = "corpus";
    public const string Regressions = "regressions";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "fuzz");

    /// <summary>Target folder names under fuzz/corpus or fuzz/regressions.</summary>
    public static IEnumerable<string> TargetFolders(string kind)
    {
        string directory = Path.Combine(Root, kind);
        return Directory.Exists(directory)
            ? Directory.EnumerateDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>Input files for one target, relative to <see cref="Root"/>, in a stable order.</summary>
    public static IEnumerable<string> Files(string kind, string target)
    {
        string directory = Path.Combine(Root, kind, target);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(file => !file.EndsWith(".md", StringComparison.Ordinal))
                .Select(file => Path.GetRelativePath(Root, file))
                .Order(StringComparer.Ordinal)
            : [];
    }

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));
}
