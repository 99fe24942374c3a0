using System.Reflection;
using Kith.Architecture.Tests.Graph;
using Kith.Architecture.Tests.Secrets.Canaries;

namespace Kith.Architecture.Tests.Secrets;

/// <summary>No type that holds a secret can print it (see <see cref="SecretRules"/> for the rules).</summary>
public class SecretRedactionTests
{
    /// <summary>
    /// Every src assembly is scanned, not only Crypto and Protocol: Storage and Engine will hold keys too, and the
    /// scan is generic, so new projects and new types are covered the day they appear.
    /// </summary>
    public static TheoryData<string> Projects => [.. Repository.SourceProjects.Select(p => p.Name)];

    private static Assembly Load(string project) =>
        Assembly.LoadFrom(Repository.Project(project).AssemblyPath);

    private static IEnumerable<Type> Canaries =>
        SecretRules.CandidateTypes(typeof(SecretRedactionTests).Assembly).Where(t => t.Namespace == typeof(LeakyRecord).Namespace);

    private static List<string> StaticProblems(IEnumerable<Type> types)
    {
        var problems = new List<string>();
        foreach (Type type in types)
        {
            if (SecretRules.SecretPath(type) is { } path && SecretRules.ToStringProblem(type) is { } problem)
            {
                problems.Add($"{type.FullName} holds a secret ({path}) and {problem}");
            }

            problems.AddRange(SecretRules.RawSecretMembers(type).Select(m => $"{type.FullName} exposes {m}; return SecretBytes"));
        }

        return problems;
    }

    private static List<string> DynamicProblems(IEnumerable<Type> types, List<string>? built = null)
    {
        var problems = new List<string>();
        foreach (Type type in types.Where(t => SecretRules.SecretPath(t) != null))
        {
            foreach (SecretConstruction.Built instance in SecretConstruction.Build(type))
            {
                built?.Add(instance.Via);
                string text = instance.Instance.ToString() ?? "";
                if (SecretConstruction.Reveals(text, instance.SecretInput))
                {
                    problems.Add($"{type.FullName} built by {instance.Via} prints its secret: \"{text}\"");
                }

                (instance.Instance as IDisposable)?.Dispose();
            }
        }

        return problems;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Secret_holding_types_override_ToString_and_expose_no_raw_secret_bytes(string project)
    {
        List<string> problems = StaticProblems(SecretRules.CandidateTypes(Load(project)));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Secret_holding_types_built_from_a_known_secret_do_not_print_it(string project)
    {
        List<string> problems = DynamicProblems(SecretRules.CandidateTypes(Load(project)));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Crypto_secret_holders_are_found_and_built()
    {
        // Proves the scan sees through fields to the secret and that the dynamic check really runs.
        Assembly crypto = Load("Kith.Crypto");
        Assert.Equal("<PrivateKey>k__BackingField → SecretBytes", SecretRules.SecretPath(crypto.GetType("Kith.Crypto.X25519KeyPair")!));
        Assert.Equal("_key → Key", SecretRules.SecretPath(crypto.GetType("Kith.Crypto.Ed25519SigningKey")!));
        Assert.Null(SecretRules.SecretPath(crypto.GetType("Kith.Crypto.SeededRandomSource")!));

        var built = new List<string>();
        Assert.Empty(DynamicProblems(SecretRules.CandidateTypes(crypto), built));
        Assert.Contains("X25519KeyPair.FromPrivateKey(ReadOnlySpan`1)", built);
        Assert.Contains("X25519KeyPair.ctor(SecretBytes)", built);
        Assert.Contains("X25519KeyPair.Generate(IRandomSource)", built);
        Assert.Contains("Ed25519SigningKey.FromSeed(ReadOnlySpan`1)", built);
        Assert.Contains("SecretBytes.CopyFrom(ReadOnlySpan`1)", built);
    }

    [Fact]
    public void The_static_rules_flag_every_leaky_canary_and_no_safe_one()
    {
        var flagged = StaticProblems(Canaries).Select(p => p.Split(' ')[0].Split('.').Last()).Distinct().Order().ToList();
        Assert.Equal(
            [
                nameof(ExposesRawPrivateKey),
                nameof(HoldsAHolderInAList),
                nameof(LeakyRecord),
                nameof(LeakyRecordStruct),
                nameof(NoToStringOverride),
                $"{nameof(Outer)}+{nameof(Outer.NestedStructHolder)}",
            ],
            flagged);
    }

    [Fact]
    public void The_dynamic_check_catches_a_ToString_that_prints_the_secret()
    {
        List<string> problems = DynamicProblems(Canaries);
        Assert.Contains(problems, p => p.StartsWith(typeof(PrintsItsSecretAsHex).FullName!, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(typeof(PrintsItsSecretAsBase64).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith(typeof(Redacts).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Reveals_finds_hex_and_base64_at_any_offset_and_nothing_else()
    {
        byte[] secret = [.. Enumerable.Range(0, 32).Select(i => unchecked((byte)((i * 73) + 29)))];
        Assert.True(SecretConstruction.Reveals($"k={Convert.ToHexStringLower(secret)}", secret));
        Assert.True(SecretConstruction.Reveals($"k={Convert.ToHexString(secret.AsSpan(20, 8))}", secret));
        Assert.True(SecretConstruction.Reveals($"k={Convert.ToBase64String([0x01, .. secret])}", secret));
        Assert.True(SecretConstruction.Reveals($"k={Convert.ToBase64String(secret.AsSpan(7, 20))}", secret));
        Assert.False(SecretConstruction.Reveals("[redacted]", secret));
        Assert.False(SecretConstruction.Reveals(Convert.ToHexString(secret.AsSpan(0, 7)), secret));
    }
}
