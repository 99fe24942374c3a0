using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Kith.Crypto;

namespace Kith.Architecture.Tests.Secrets;

/// <summary>
/// The static rules for secret-holding types (STYLE.md and PROTOCOL.md, "Secrets"; COMMON brief):
/// <list type="number">
/// <item>A type <em>holds a secret</em> when it is a secret container (<see cref="SecretBytes"/>, NSec's
/// <c>Key</c> or <c>SharedSecret</c>) or when one of its instance fields, including inherited and private ones,
/// holds a secret: directly, as an array element, as a generic argument (<c>List&lt;SecretBytes&gt;</c>,
/// <c>Dictionary&lt;K, ChainKey&gt;</c>), or through another Kith type, transitively. Fields of non-Kith types
/// other than those containers and collections are not followed.</item>
/// <item>A type that holds a secret overrides <see cref="object.ToString"/> with code someone wrote: the default
/// is not enough, and a record's compiler-generated <c>ToString</c> (which prints every public member through
/// <c>PrintMembers</c>) is not either, unless <c>PrintMembers</c> itself is hand-written.</item>
/// <item>Heuristic, for every public type: a public property or field whose name says it is secret
/// (<c>Private…</c>, <c>Secret…</c>, <c>Seed…</c>, or ending in <c>PrivateKey</c>, <c>Secret</c>, <c>Seed</c>)
/// must not be a raw byte buffer (<c>byte[]</c>, <c>(ReadOnly)Span&lt;byte&gt;</c>, <c>(ReadOnly)Memory&lt;byte&gt;</c>,
/// <c>ArraySegment&lt;byte&gt;</c>, <c>ImmutableArray&lt;byte&gt;</c>): a secret handed out must be a
/// <see cref="SecretBytes"/>, which redacts itself and is zeroed on dispose. Applying this to every public type,
/// not only to the ones found by rule 1, also catches a type that keeps its secret in a plain array.</item>
/// </list>
/// Compiler-generated types (closures, state machines) are skipped: they are never printed.
/// </summary>
public static partial class SecretRules
{
    private static readonly HashSet<string> SecretContainers =
        ["Kith.Crypto.SecretBytes", "NSec.Cryptography.Key", "NSec.Cryptography.SharedSecret"];

    private static readonly HashSet<Type> ByteBuffers =
    [
        typeof(byte[]), typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(ReadOnlyMemory<byte>), typeof(Memory<byte>),
        typeof(ArraySegment<byte>), typeof(System.Collections.Immutable.ImmutableArray<byte>),
    ];

    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Types of <paramref name="assembly"/> the rules apply to.</summary>
    public static IEnumerable<Type> CandidateTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t =>
            !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t) && !(t.IsAbstract && t.IsSealed)
            && !IsCompilerGeneratedOrInside(t));

    // Closures and async state machines (and types nested in them) are never printed by Kith code; their
    // names start with '<' and the attribute sits on the outermost generated type only.
    private static bool IsCompilerGeneratedOrInside(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (IsCompilerGenerated(t) || t.Name.StartsWith('<'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why <paramref name="type"/> holds a secret (a field path), or null when it does not.</summary>
    public static string? SecretPath(Type type) => SecretPath(type, []);

    private static string? SecretPath(Type type, HashSet<Type> visiting)
    {
        if (type.FullName is { } name && SecretContainers.Contains(name))
        {
            return type.Name;
        }

        if (type.HasElementType)
        {
            return SecretPath(type.GetElementType()!, visiting) is { } inner ? $"{inner}[]" : null;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                if (SecretPath(argument, visiting) is { } inner)
                {
                    return $"{type.Name.Split('`')[0]}<{inner}>";
                }
            }
        }

        if (type.Assembly.GetName().Name?.StartsWith("Kith.", StringComparison.Ordinal) != true || !visiting.Add(type))
        {
            return null;
        }

        try
        {
            for (Type? current = type; current != null && current != typeof(object); current = current.BaseType)
            {
                foreach (FieldInfo field in current.GetFields(InstanceFields))
                {
                    if (SecretPath(field.FieldType, visiting) is { } inner)
                    {
                        return $"{field.Name} → {inner}";
                    }
                }
            }

            return null;
        }
        finally
        {
            visiting.Remove(type);
        }
    }

    /// <summary>Why <paramref name="type"/>'s <c>ToString</c> may print its members, or null when it is hand-written.</summary>
    public static string? ToStringProblem(Type type)
    {
        MethodInfo toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;
        if (toString.DeclaringType == typeof(object) || toString.DeclaringType == typeof(ValueType))
        {
            return "does not override ToString";
        }

        if (IsCompilerGenerated(toString))
        {
            MethodInfo? printMembers = toString.DeclaringType!.GetMethod("PrintMembers",
                BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(System.Text.StringBuilder)]);
            if (printMembers == null || IsCompilerGenerated(printMembers))
            {
                return "is a record whose generated ToString prints its members";
            }
        }

        return null;
    }

    /// <summary>Public properties and fields named as secrets that hand out raw bytes (rule 3).</summary>
    public static IEnumerable<string> RawSecretMembers(Type type)
    {
        if (!type.IsVisible)
        {
            yield break;
        }

        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (PropertyInfo property in type.GetProperties(Public))
        {
            if (SecretName().IsMatch(property.Name) && ByteBuffers.Contains(property.PropertyType))
            {
                yield return $"property {property.Name} ({property.PropertyType.Name})";
            }
        }

        foreach (FieldInfo field in type.GetFields(Public))
        {
            if (SecretName().IsMatch(field.Name) && ByteBuffers.Contains(field.FieldType))
            {
                yield return $"field {field.Name} ({field.FieldType.Name})";
            }
        }
    }

    private static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    [GeneratedRegex("^(Private|Secret|Seed)|(PrivateKey|Secret|Seed)$")]
    private static partial Regex SecretName();
}
