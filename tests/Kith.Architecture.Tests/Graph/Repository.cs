using System.Xml.Linq;

namespace Kith.Architecture.Tests.Graph;

/// <summary>One project under <c>src/</c>, as its csproj declares it.</summary>
public sealed record SourceProject(
    string Name,
    string ProjectFile,
    string AssemblyName,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> PackageReferences)
{
    /// <summary>The built assembly, copied next to the tests by the test project's ProjectReference.</summary>
    public string AssemblyPath => Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");

    public override string ToString() => Name;
}

/// <summary>The repository the tests were built from, found from the test's own location.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<SourceProject>> LazyProjects = new(LoadProjects);

    /// <summary>The folder holding <c>Kith.slnx</c>, walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Every <c>src/*/*.csproj</c>, by project name.</summary>
    public static IReadOnlyList<SourceProject> SourceProjects => LazyProjects.Value;

    public static SourceProject Project(string name) =>
        SourceProjects.SingleOrDefault(p => p.Name == name)
        ?? throw new InvalidOperationException($"src/{name} does not exist.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kith.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Kith.slnx above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<SourceProject> LoadProjects() =>
        Directory.GetDirectories(Path.Combine(Root, "src"))
            .SelectMany(dir => Directory.GetFiles(dir, "*.csproj"))
            .Select(Parse)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    private static SourceProject Parse(string projectFile)
    {
        string name = Path.GetFileNameWithoutExtension(projectFile);
        XDocument xml = XDocument.Load(projectFile);
        string assemblyName = xml.Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault() ?? name;
        var projectReferences = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var packageReferences = xml.Descendants("PackageReference")
            .Select(e => (e.Attribute("Include") ?? e.Attribute("Update"))!.Value)
            .ToList();
        return new SourceProject(name, projectFile, assemblyName, projectReferences, packageReferences);
    }
}
