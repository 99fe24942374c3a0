using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Kith.Architecture.Tests.Il;

/// <summary>One type or member that a method body names (a call, field access, <c>newobj</c>, <c>typeof</c>, cast).</summary>
/// <param name="Type">The type that contains the method, e.g. <c>Kith.Crypto.SystemRandomSource</c>.</param>
/// <param name="Method">The method whose body uses the target.</param>
/// <param name="TargetType">The used type, e.g. <c>System.DateTime</c>.</param>
/// <param name="TargetMember">The used member (<c>get_UtcNow</c>, <c>.ctor</c>), or null for a bare type use.</param>
/// <param name="TargetParameters">Parameter types of a used method, for rules that depend on the overload.</param>
public sealed partial record Usage(string Type, string Method, string TargetType, string? TargetMember, ImmutableArray<string> TargetParameters)
{
    /// <summary>The top-level type, so a lambda's closure class counts as the type that wrote the lambda.</summary>
    public string OutermostType => Type.Split('+')[0];

    /// <summary>
    /// The source method: a lambda (<c>&lt;M&gt;b__1_0</c>), local function (<c>&lt;M&gt;g__F|0_0</c>) or
    /// iterator/async state machine (<c>&lt;M&gt;d__8.MoveNext</c>) is reported as the method <c>M</c> that wrote it.
    /// </summary>
    public string LogicalMethod
    {
        get
        {
            foreach (string candidate in new[] { Method }.Concat(Type.Split('+').Reverse()))
            {
                Match match = CompilerGeneratedName().Match(candidate);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }

            return Method;
        }
    }

    public string Target => TargetMember is null ? TargetType : $"{TargetType}::{TargetMember}";

    public override string ToString() => $"{OutermostType}.{LogicalMethod} uses {Target}";

    [GeneratedRegex(@"^<([^>]+)>[bdg]__")]
    private static partial Regex CompilerGeneratedName();
}

/// <summary>
/// Walks the IL of every method body of an assembly with System.Reflection.Metadata (no loading, no execution)
/// and reports every type and member the bodies name through metadata tokens.
/// </summary>
public static class IlScanner
{
    public static IReadOnlyList<Usage> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var usages = new List<Usage>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            string typeName = SignatureNames.Of(reader, typeHandle);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                string methodName = reader.GetString(method.Name);
                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                foreach (EntityHandle token in Tokens(il))
                {
                    (string targetType, string? member, ImmutableArray<string> parameters) = Resolve(reader, token);
                    usages.Add(new Usage(typeName, methodName, targetType, member, parameters));
                }
            }
        }

        return usages;
    }

    private static IEnumerable<EntityHandle> Tokens(byte[] il)
    {
        int offset = 0;
        while (offset < il.Length)
        {
            OpCode code = OpCodeTable.Read(il, ref offset);
            if (OpCodeTable.HasMemberToken(code))
            {
                yield return MetadataTokens.EntityHandle(BitConverter.ToInt32(il, offset));
            }

            offset += OpCodeTable.OperandSize(code, il, offset);
        }
    }

    private static (string Type, string? Member, ImmutableArray<string> Parameters) Resolve(MetadataReader reader, EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.MemberReference:
            {
                MemberReference member = reader.GetMemberReference((MemberReferenceHandle)token);
                string parent = member.Parent.Kind switch
                {
                    HandleKind.MethodDefinition => SignatureNames.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)member.Parent).GetDeclaringType()),
                    HandleKind.ModuleReference => reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)member.Parent).Name),
                    _ => SignatureNames.Of(reader, member.Parent),
                };
                ImmutableArray<string> parameters = member.GetKind() == MemberReferenceKind.Method
                    ? member.DecodeMethodSignature(SignatureNames.Instance, null).ParameterTypes
                    : [];
                return (parent, reader.GetString(member.Name), parameters);
            }

            case HandleKind.MethodDefinition:
            {
                MethodDefinition method = reader.GetMethodDefinition((MethodDefinitionHandle)token);
                return (SignatureNames.Of(reader, method.GetDeclaringType()), reader.GetString(method.Name),
                    method.DecodeSignature(SignatureNames.Instance, null).ParameterTypes);
            }

            case HandleKind.MethodSpecification:
                return Resolve(reader, reader.GetMethodSpecification((MethodSpecificationHandle)token).Method);

            case HandleKind.FieldDefinition:
            {
                FieldDefinition field = reader.GetFieldDefinition((FieldDefinitionHandle)token);
                return (SignatureNames.Of(reader, field.GetDeclaringType()), reader.GetString(field.Name), []);
            }

            default:
                return (SignatureNames.Of(reader, token), null, []);
        }
    }
}
