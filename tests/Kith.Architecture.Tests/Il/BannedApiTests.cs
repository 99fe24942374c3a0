using Kith.Architecture.Tests.Graph;

namespace Kith.Architecture.Tests.Il;

/// <summary>Sans-IO layers use no sockets, files, SQL, clocks or ambient randomness (docs/ARCHITECTURE.md).</summary>
public class BannedApiTests
{
    public static TheoryData<string> SansIoProjects =>
        [.. Layers.SansIo.Where(name => Repository.SourceProjects.Any(p => p.Name == name))];

    [Theory]
    [MemberData(nameof(SansIoProjects))]
    public void Sans_IO_project_uses_no_banned_API(string name)
    {
        SourceProject project = Repository.Project(name);
        IReadOnlyList<Violation> violations = BannedApis.Check(name, IlScanner.Scan(project.AssemblyPath));
        Assert.True(violations.Count == 0,
            $"{violations.Count} banned API use(s) in {name}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public void The_scanner_finds_every_banned_use_in_the_canary()
    {
        string canary = typeof(BannedApiCanary).FullName!;
        var found = BannedApis.Check("Kith.Architecture.Tests", IlScanner.Scan(typeof(BannedApiCanary).Assembly.Location))
            .Where(v => v.Usage.OutermostType == canary)
            .Select(v => $"{v.Usage.LogicalMethod} -> {v.Usage.Target}")
            .Order(StringComparer.Ordinal)
            .ToList();

        // Lambdas and async methods compile to nested types; a violation is still attributed to the method
        // that wrote them. The clean look-alikes (UsesDatesWithoutAClock, ReadsAStream, a FileInfo used only as
        // a type argument) must not appear.
        string[] expected =
        [
            "DrawsFromRandom -> System.Random::.ctor",
            "DrawsFromRandom -> System.Random::Next",
            "DrawsFromSharedRandom -> System.Random::Next",
            "DrawsFromSharedRandom -> System.Random::get_Shared",
            "DrawsFromTheOsGenerator -> System.Security.Cryptography.RandomNumberGenerator::GetBytes",
            "ReadsAFile -> System.IO.File::ReadAllBytes",
            "ReadsAPath -> System.IO.StreamReader::.ctor",
            "ReadsATimer -> System.Diagnostics.Stopwatch::GetTimestamp",
            "ReadsTheClock -> System.DateTime::get_UtcNow",
            "ReadsTheClockInALambda -> System.DateTimeOffset::get_UtcNow",
            "ReadsTheClockInAnAsyncMethod -> System.Environment::get_TickCount",
            "WaitsForATimer -> System.Threading.Tasks.Task::Delay",
        ];
        Assert.Equal(expected, found);
    }

    [Fact]
    public void A_violation_names_the_assembly_type_method_target_and_reason()
    {
        Violation violation = BannedApis.Check("Kith.Architecture.Tests", IlScanner.Scan(typeof(BannedApiCanary).Assembly.Location))
            .Single(v => v.Usage.LogicalMethod == nameof(BannedApiCanary.ReadsTheClock));
        Assert.Equal(
            "Kith.Architecture.Tests: Kith.Architecture.Tests.Il.BannedApiCanary.ReadsTheClock uses System.DateTime::get_UtcNow"
            + " — time is an argument (DateTimeOffset now / long unixMs), never read from a clock",
            violation.ToString());
    }

    [Fact]
    public void The_SystemRandomSource_exception_is_needed_and_is_the_only_one_used()
    {
        // If SystemRandomSource stopped using RandomNumberGenerator the exception should go; if the exception
        // matched more than that type, other Crypto code could draw ambient randomness unnoticed.
        IReadOnlyList<Usage> usages = IlScanner.Scan(Repository.Project("Kith.Crypto").AssemblyPath);
        var rng = usages.Where(u => u.TargetType == "System.Security.Cryptography.RandomNumberGenerator").ToList();
        Assert.NotEmpty(rng);
        Assert.All(rng, u => Assert.Equal("Kith.Crypto.SystemRandomSource", u.OutermostType));
        Assert.Empty(BannedApis.Check("Kith.Crypto", rng));
        Assert.NotEmpty(BannedApis.Check("Kith.Wire", rng));
    }

    [Fact]
    public void Crypto_library_calls_are_allowed_in_Kith_Crypto_only()
    {
        IReadOnlyList<Usage> usages = IlScanner.Scan(Repository.Project("Kith.Crypto").AssemblyPath);
        Assert.Empty(BannedApis.Check("Kith.Crypto", usages));
        IReadOnlyList<Violation> elsewhere = BannedApis.Check("Kith.Protocol", usages);
        Assert.Contains(elsewhere, v => v.Usage.TargetType == "NSec.Cryptography.Key");
        Assert.Contains(elsewhere, v => v.Usage.TargetType.StartsWith("Org.BouncyCastle.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_reads_real_calls_from_a_src_assembly()
    {
        // Guards against a scanner that silently sees nothing: Kith.Crypto calls libsodium and BouncyCastle.
        IReadOnlyList<Usage> usages = IlScanner.Scan(Repository.Project("Kith.Crypto").AssemblyPath);
        Assert.Contains(usages, u => u.Target == "Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator::Decapsulate");
        Assert.Contains(usages, u => u.Target == "Kith.Crypto.Interop.Libsodium::crypto_scalarmult_curve25519");
        Assert.Contains(usages, u => u.Target == "System.Security.Cryptography.CryptographicOperations::ZeroMemory");
    }
}
