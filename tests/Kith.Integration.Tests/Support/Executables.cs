using System.Reflection;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// The built <c>kith-node</c> and <c>kith</c> apphosts. The project references both (built, not linked) and records
/// their bin folders for its own Configuration at build time, so a Debug run uses the Debug node and
/// <c>dotnet test -c Release</c> the Release one. <c>KITH_TEST_NODE_FOLDER</c> / <c>KITH_TEST_CLI_FOLDER</c>
/// override them (e.g. for an <c>artifacts/kith</c> build).
/// </summary>
internal static class Executables
{
    public static string Node { get; } = Find("KithNodeFolder", "KITH_TEST_NODE_FOLDER", "kith-node");

    public static string Cli { get; } = Find("KithCliFolder", "KITH_TEST_CLI_FOLDER", "kith");

    private static string Find(string metadata, string variable, string name)
    {
        var folder = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured
            ? configured
            : typeof(Executables).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == metadata).Value!;
        var path = Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is not built at {path}: build the solution (or this project) in the same configuration, or set {variable}.");
    }
}
