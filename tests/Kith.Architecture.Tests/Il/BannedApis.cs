namespace Kith.Architecture.Tests.Il;

/// <summary>An API the sans-IO layers must not use, and why.</summary>
/// <param name="Type">A full type name, or a namespace when <paramref name="WholeNamespace"/>.</param>
/// <param name="Member">A member name, or null for every use of the type.</param>
/// <param name="Reason">Shown in the failure, so the reader knows what to do instead.</param>
/// <param name="WholeNamespace">Whether <paramref name="Type"/> names a namespace (and everything in it).</param>
/// <param name="Only">Narrows the rule to some overloads (e.g. constructors that take a path).</param>
/// <param name="AllowedIn">The one assembly whose job is to use this API.</param>
public sealed record BannedApi(
    string Type, string? Member, string Reason, bool WholeNamespace = false, Func<Usage, bool>? Only = null, string? AllowedIn = null)
{
    public bool Matches(Usage usage)
    {
        bool typeMatches = WholeNamespace
            ? usage.TargetType.StartsWith(Type + ".", StringComparison.Ordinal)
            : usage.TargetType == Type || usage.TargetType.StartsWith(Type + "+", StringComparison.Ordinal);
        return typeMatches && (Member is null || usage.TargetMember == Member) && (Only is null || Only(usage));
    }
}

/// <summary>A banned use found in a sans-IO assembly.</summary>
public sealed record Violation(string Assembly, Usage Usage, string Reason)
{
    public override string ToString() => $"{Assembly}: {Usage} — {Reason}";
}

/// <summary>
/// docs/ARCHITECTURE.md: Protocol, Wire and Crypto are sans-IO. Bytes, time and randomness come in as arguments
/// (<c>long unixMs</c>, <c>DateTimeOffset now</c>, <c>Kith.Crypto.IRandomSource</c>); nothing below the Engine
/// opens sockets or files, reads a clock or draws ambient randomness, so protocol runs replay from a seed.
/// </summary>
public static class BannedApis
{
    private const string Io = "sans-IO: the Engine and Node do I/O; pass bytes in and return effects";
    private const string Clock = "time is an argument (DateTimeOffset now / long unixMs), never read from a clock";
    private const string Timers = "timers are effects (docs/ARCHITECTURE.md: Arm timer) that the Engine performs";
    private const string Randomness = "randomness comes from the injected Kith.Crypto.IRandomSource";

    private static bool TakesAPath(Usage usage) =>
        usage.TargetMember == ".ctor" && usage.TargetParameters.Length > 0 && usage.TargetParameters[0] == "System.String";

    public static readonly IReadOnlyList<BannedApi> Rules =
    [
        new("System.Net.Sockets", null, Io, WholeNamespace: true),
        new("System.Net.Http", null, Io, WholeNamespace: true),
        new("System.Net.Dns", null, Io),
        new("System.Net.HttpListener", null, Io),
        new("System.Net.WebClient", null, Io),
        new("System.Net.WebRequest", null, Io),
        new("Microsoft.Data.Sqlite", null, "SQL lives in Kith.Storage behind the store interfaces", WholeNamespace: true),
        new("System.IO.File", null, Io),
        new("System.IO.FileStream", null, Io),
        new("System.IO.FileInfo", null, Io),
        new("System.IO.FileSystemInfo", null, Io),
        new("System.IO.Directory", null, Io),
        new("System.IO.DirectoryInfo", null, Io),
        new("System.IO.DriveInfo", null, Io),
        new("System.IO.FileSystemWatcher", null, Io),
        new("System.IO.RandomAccess", null, Io),
        new("System.IO.MemoryMappedFiles", null, Io, WholeNamespace: true),
        new("Microsoft.Win32.SafeHandles.SafeFileHandle", null, Io),
        // Path-based file access through readers and writers (their Stream overloads are fine).
        new("System.IO.StreamReader", ".ctor", Io, Only: TakesAPath),
        new("System.IO.StreamWriter", ".ctor", Io, Only: TakesAPath),
        new("System.IO.Path", "GetTempFileName", Io),
        new("System.IO.Path", "GetTempPath", Io),
        new("System.IO.Path", "GetFullPath", Io),
        new("System.Console", null, Io),
        new("System.Diagnostics.Process", null, Io),
        new("System.DateTime", "get_Now", Clock),
        new("System.DateTime", "get_UtcNow", Clock),
        new("System.DateTime", "get_Today", Clock),
        new("System.DateTimeOffset", "get_Now", Clock),
        new("System.DateTimeOffset", "get_UtcNow", Clock),
        new("System.TimeProvider", "get_System", Clock),
        new("System.Environment", "get_TickCount", Clock),
        new("System.Environment", "get_TickCount64", Clock),
        new("System.Diagnostics.Stopwatch", null, Clock),
        new("System.Threading.Timer", null, Timers),
        new("System.Threading.PeriodicTimer", null, Timers),
        new("System.Timers.Timer", null, Timers),
        new("System.Threading.Tasks.Task", "Delay", Timers),
        new("System.Threading.Thread", "Sleep", Timers),
        new("System.Random", null, Randomness),
        new("System.Security.Cryptography.RandomNumberGenerator", null, Randomness),
        // Version 4 GUIDs are drawn from the OS generator: ambient randomness by another name.
        new("System.Guid", "NewGuid", Randomness),
        new("System.Guid", "CreateVersion7", Randomness + "; and it reads the clock"),
        // Also enforced on assembly references (ReferenceGraphTests); here the report names the calls.
        new("NSec.Cryptography", null, "only Kith.Crypto wraps NSec/libsodium", WholeNamespace: true, AllowedIn: "Kith.Crypto"),
        new("Org.BouncyCastle", null, "only Kith.Crypto wraps BouncyCastle", WholeNamespace: true, AllowedIn: "Kith.Crypto"),
    ];

    /// <summary>Uses that are the point of the type: (assembly, top-level type, banned type).</summary>
    public static readonly IReadOnlyList<(string Assembly, string Type, string BannedType)> Exceptions =
    [
        // The one production random source wraps the OS generator (Kith.Crypto/Random/SystemRandomSource.cs).
        ("Kith.Crypto", "Kith.Crypto.SystemRandomSource", "System.Security.Cryptography.RandomNumberGenerator"),
    ];

    public static IReadOnlyList<Violation> Check(string assemblyName, IEnumerable<Usage> usages) =>
        usages
            .Where(usage => !Exceptions.Any(e =>
                e.Assembly == assemblyName && e.Type == usage.OutermostType && e.BannedType == usage.TargetType))
            .SelectMany(usage => Rules.Where(rule => rule.AllowedIn != assemblyName && rule.Matches(usage)).Take(1).Select(rule => new Violation(assemblyName, usage, rule.Reason)))
            .DistinctBy(violation => violation.ToString())
            .ToList();
}
