namespace Kith.Architecture.Tests.Graph;

/// <summary>
/// The reference graph of <c>docs/ARCHITECTURE.md</c> ("Layers": an arrow means "may reference"), as data. A
/// project may reference what its arrows point to and, through them, everything below: the allowed set is the
/// transitive closure of these direct edges. Projects that do not exist yet are listed too, so the first commit
/// that creates one is already held to the picture. Change this table only together with the document.
/// </summary>
public static class Layers
{
    /// <summary>Direct edges, read off the diagram and the ownership table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DirectEdges = new Dictionary<string, string[]>
    {
        // Ids, value types, limits, errors: the bottom, "never touches everything else".
        ["Kith.Primitives"] = [],
        ["Kith.Crypto"] = ["Kith.Primitives"],
        ["Kith.Wire"] = ["Kith.Crypto"],
        ["Kith.Protocol"] = ["Kith.Wire"],
        // "implements Protocol's store interfaces".
        ["Kith.Storage"] = ["Kith.Protocol"],
        // "abstractions only (stores, IPeerTransport, TimeProvider)": the Engine sees Protocol, never Storage or
        // Transport; the Node plugs the implementations in.
        ["Kith.Engine"] = ["Kith.Protocol"],
        // Tor sits beside the protocol, not on it: it needs only Wire's OnionAddress (rend-spec-v3 §6, whose
        // checksum is Crypto's SHA3-256), so devices and tor share one implementation.
        ["Kith.Tor"] = ["Kith.Wire"],
        // Links start with the Noise handshake (Kith.Protocol.Noise, sans-IO) before any other frame, so the
        // transport drives Protocol's handshake state over its sockets; it makes no protocol decisions.
        ["Kith.Transport"] = ["Kith.Tor", "Kith.Protocol"],
        // The local API's contracts: DTOs over Primitives' value types, "never domain internals".
        ["Kith.Api"] = ["Kith.Primitives"],
        // The composition root.
        ["Kith.Node"] = ["Kith.Engine", "Kith.Storage", "Kith.Transport", "Kith.Api"],
        // "a thin client of the node's API": everything but Kith.Api is out of reach.
        ["Kith.Cli"] = ["Kith.Api"],
    };

    /// <summary>Everything <paramref name="project"/> may reference, directly or not.</summary>
    public static IReadOnlySet<string> Allowed(string project)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DirectEdges[project]);
        while (pending.TryPop(out string? next))
        {
            if (allowed.Add(next))
            {
                foreach (string below in DirectEdges[next])
                {
                    pending.Push(below);
                }
            }
        }

        return allowed;
    }

    /// <summary>
    /// The sans-IO libraries (docs/ARCHITECTURE.md: Protocol, Wire, Crypto never touch sockets, files or clocks;
    /// Primitives touches nothing), where the banned-API scan applies.
    /// </summary>
    public static readonly IReadOnlyList<string> SansIo = ["Kith.Primitives", "Kith.Crypto", "Kith.Wire", "Kith.Protocol"];

    /// <summary>Third-party assemblies (and their NuGet packages) that only one project may use.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExclusiveDependencies = new Dictionary<string, string>
    {
        // "Kith.Crypto: the only wrapper of NSec/libsodium and BouncyCastle".
        ["NSec.Cryptography"] = "Kith.Crypto",
        ["libsodium"] = "Kith.Crypto",
        ["BouncyCastle.Cryptography"] = "Kith.Crypto",
        // "Kith.Storage: SQLite (Microsoft.Data.Sqlite) implementation of the store interfaces".
        ["Microsoft.Data.Sqlite"] = "Kith.Storage",
    };
}
