using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Kith.Architecture.Tests.Graph;

/// <summary>The reference graph of docs/ARCHITECTURE.md holds, in the csproj files and in the built assemblies.</summary>
public class ReferenceGraphTests
{
    public static TheoryData<string> ExistingProjects => [.. Repository.SourceProjects.Select(p => p.Name)];

    [Fact]
    public void Every_src_project_is_in_the_architecture()
    {
        var unknown = Repository.SourceProjects.Select(p => p.Name).Where(n => !Layers.DirectEdges.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0,
            $"Not in docs/ARCHITECTURE.md's layers (add them to the document and to {nameof(Layers)}): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_table_matches_the_document_and_has_no_cycles()
    {
        string document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "ARCHITECTURE.md"));
        foreach ((string project, string[] edges) in Layers.DirectEdges)
        {
            Assert.Contains($"`{project}`", document, StringComparison.Ordinal);
            Assert.All(edges, target => Assert.True(Layers.DirectEdges.ContainsKey(target), $"{project} → unknown {target}"));
            Assert.DoesNotContain(project, Layers.Allowed(project));
        }
    }

    [Fact]
    public void The_table_says_what_the_diagram_says()
    {
        // Spot checks of the closure against sentences of the document, so a careless table edit fails here.
        Assert.Empty(Layers.Allowed("Kith.Primitives"));
        Assert.Equal(["Kith.Crypto", "Kith.Primitives", "Kith.Wire"], Layers.Allowed("Kith.Protocol").Order());
        Assert.DoesNotContain("Kith.Storage", Layers.Allowed("Kith.Engine"));
        Assert.DoesNotContain("Kith.Transport", Layers.Allowed("Kith.Engine"));
        // Transport drives Protocol's sans-IO Noise handshake, but neither stores nor the engine.
        Assert.Contains("Kith.Protocol", Layers.Allowed("Kith.Transport"));
        Assert.DoesNotContain("Kith.Storage", Layers.Allowed("Kith.Transport"));
        Assert.DoesNotContain("Kith.Engine", Layers.Allowed("Kith.Transport"));
        Assert.DoesNotContain("Kith.Protocol", Layers.Allowed("Kith.Cli"));
        Assert.Contains("Kith.Api", Layers.Allowed("Kith.Cli"));
        Assert.All(new[] { "Kith.Engine", "Kith.Storage", "Kith.Transport", "Kith.Tor", "Kith.Api" }, p => Assert.Contains(p, Layers.Allowed("Kith.Node")));
    }

    [Theory]
    [MemberData(nameof(ExistingProjects))]
    public void Project_references_follow_the_layers(string name)
    {
        SourceProject project = Repository.Project(name);
        IReadOnlySet<string> allowed = Layers.Allowed(name);
        var forbidden = project.ProjectReferences.Where(r => !allowed.Contains(r)).ToList();
        Assert.True(forbidden.Count == 0,
            $"{name}.csproj references {string.Join(", ", forbidden)}; docs/ARCHITECTURE.md allows only [{string.Join(", ", allowed.Order())}].");
    }

    [Theory]
    [MemberData(nameof(ExistingProjects))]
    public void Package_references_to_exclusive_dependencies_stay_in_their_owner(string name)
    {
        SourceProject project = Repository.Project(name);
        var misplaced = project.PackageReferences
            .Where(p => Layers.ExclusiveDependencies.TryGetValue(p, out string? owner) && owner != name)
            .ToList();
        Assert.True(misplaced.Count == 0,
            $"{name}.csproj uses {string.Join(", ", misplaced)}, which belong to {string.Join(", ", misplaced.Select(p => Layers.ExclusiveDependencies[p]))} only.");
    }

    [Fact]
    public void The_architecture_tests_reference_every_src_project()
    {
        var missing = Repository.SourceProjects.Where(p => !File.Exists(p.AssemblyPath)).Select(p => p.Name).ToList();
        Assert.True(missing.Count == 0,
            $"Add a ProjectReference from Kith.Architecture.Tests to: {string.Join(", ", missing)} (its assembly must be checked too).");
    }

    [Theory]
    [MemberData(nameof(ExistingProjects))]
    public void Built_assembly_references_follow_the_layers(string name)
    {
        SourceProject project = Repository.Project(name);
        var byAssembly = Repository.SourceProjects.ToDictionary(p => p.AssemblyName, p => p.Name, StringComparer.OrdinalIgnoreCase);
        (IReadOnlyList<string> assemblies, IReadOnlyList<string> modules) = References(project.AssemblyPath);
        IReadOnlySet<string> allowed = Layers.Allowed(name);

        var problems = new List<string>();
        foreach (string assembly in assemblies)
        {
            if (byAssembly.TryGetValue(assembly, out string? target) && !allowed.Contains(target))
            {
                problems.Add($"references {target}");
            }

            if (Layers.ExclusiveDependencies.TryGetValue(assembly, out string? owner) && owner != name)
            {
                problems.Add($"references {assembly}, which only {owner} may use");
            }
        }

        // P/Invoke targets: only the owner of a native library may bind to it.
        foreach (string module in modules)
        {
            if (Layers.ExclusiveDependencies.TryGetValue(module, out string? owner) && owner != name)
            {
                problems.Add($"P/Invokes {module}, which only {owner} may use");
            }
        }

        Assert.True(problems.Count == 0, $"{project.AssemblyName}.dll: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Crypto_is_seen_to_reference_its_libraries()
    {
        // Proves the assembly check reads real references: Kith.Crypto does use all three.
        (IReadOnlyList<string> assemblies, IReadOnlyList<string> modules) = References(Repository.Project("Kith.Crypto").AssemblyPath);
        Assert.Contains("NSec.Cryptography", assemblies);
        Assert.Contains("BouncyCastle.Cryptography", assemblies);
        Assert.Contains("libsodium", modules);
    }

    private static (IReadOnlyList<string> Assemblies, IReadOnlyList<string> Modules) References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var assemblies = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        var modules = Enumerable.Range(1, reader.GetTableRowCount(TableIndex.ModuleRef))
            .Select(row => reader.GetString(reader.GetModuleReference(MetadataTokens.ModuleReferenceHandle(row)).Name))
            .ToList();
        return (assemblies, modules);
    }
}
