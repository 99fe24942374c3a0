using System.Reflection;
using System.Reflection.Emit;
using Kith.Crypto;

namespace Kith.Architecture.Tests.Secrets;

/// <summary>
/// Builds instances of secret-holding types from a known secret, through whatever constructor or static factory
/// takes only inputs the test can supply (<see cref="SecretBytes"/>, <c>byte[]</c>, <c>ReadOnlySpan&lt;byte&gt;</c>,
/// <see cref="IRandomSource"/>, <c>int</c>), and reports what their <c>ToString</c> reveals. Span parameters cannot go
/// through <see cref="MethodBase.Invoke(object, object[])"/>, so each call is a small generated method.
/// </summary>
public static class SecretConstruction
{
    /// <summary>An instance built from known secret bytes, and every secret byte that went into it.</summary>
    public sealed record Built(string Via, object Instance, byte[] SecretInput);

    private static readonly int[] SecretLengths = [32, 64, 16];

    public static IEnumerable<Built> Build(Type type)
    {
        if (type.IsAbstract || type.ContainsGenericParameters)
        {
            yield break;
        }

        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        IEnumerable<MethodBase> factories = type.GetConstructors(All).Cast<MethodBase>()
            .Concat(type.GetMethods(All).Where(m => m.IsStatic && type.IsAssignableFrom(m.ReturnType) && !m.ContainsGenericParameters));
        foreach (MethodBase factory in factories)
        {
            ParameterInfo[] parameters = factory.GetParameters();
            if (parameters.Length == 0 || !parameters.All(p => Supported(p.ParameterType)))
            {
                continue;
            }

            foreach (int length in SecretLengths)
            {
                if (TryBuild(factory, parameters, length) is { } built)
                {
                    yield return built;
                    break;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> shows any 8 consecutive bytes of <paramref name="secret"/> as hex or base64.</summary>
    public static bool Reveals(string text, byte[] secret)
    {
        for (int i = 0; i + 8 <= secret.Length; i++)
        {
            string hex = Convert.ToHexString(secret, i, 8);
            if (text.Contains(hex, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // Any base64 rendering of the secret contains some 3-byte-aligned 9-byte window as 12 characters.
        for (int i = 0; i + 9 <= secret.Length; i++)
        {
            string base64 = Convert.ToBase64String(secret, i, 9);
            if (text.Contains(base64, StringComparison.Ordinal)
                || text.Contains(base64.Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Supported(Type parameter) =>
        parameter == typeof(SecretBytes) || parameter == typeof(byte[]) || parameter == typeof(ReadOnlySpan<byte>)
        || parameter == typeof(IRandomSource) || parameter == typeof(int);

    private static Built? TryBuild(MethodBase factory, ParameterInfo[] parameters, int length)
    {
        var random = new RecordingRandomSource(0x5EC12E7);
        var input = new List<byte>();
        var arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            byte[] secret = KnownSecret(length, salt: i);
            if (type == typeof(IRandomSource))
            {
                arguments[i] = random;
            }
            else if (type == typeof(int))
            {
                arguments[i] = length;
            }
            else
            {
                input.AddRange(secret);
                arguments[i] = type == typeof(SecretBytes) ? SecretBytes.CopyFrom(secret) : secret;
            }
        }

        try
        {
            object instance = Invoker(factory)(arguments);
            return new Built($"{factory.DeclaringType!.Name}.{(factory.IsConstructor ? "ctor" : factory.Name)}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})",
                instance, [.. input, .. random.Drawn]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or TargetInvocationException or FormatException)
        {
            return null;
        }
    }

    private static byte[] KnownSecret(int length, int salt) =>
        [.. Enumerable.Range(0, length).Select(i => unchecked((byte)((i * 73) + 29 + (salt * 101))))];

    private static Func<object?[], object> Invoker(MethodBase factory)
    {
        var method = new DynamicMethod("Build", typeof(object), [typeof(object?[])], typeof(SecretConstruction).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        ParameterInfo[] parameters = factory.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            if (type == typeof(ReadOnlySpan<byte>))
            {
                il.Emit(OpCodes.Castclass, typeof(byte[]));
                il.Emit(OpCodes.Newobj, typeof(ReadOnlySpan<byte>).GetConstructor([typeof(byte[])])!);
            }
            else if (type.IsValueType)
            {
                il.Emit(OpCodes.Unbox_Any, type);
            }
            else
            {
                il.Emit(OpCodes.Castclass, type);
            }
        }

        Type result;
        if (factory is ConstructorInfo constructor)
        {
            il.Emit(OpCodes.Newobj, constructor);
            result = constructor.DeclaringType!;
        }
        else
        {
            var call = (MethodInfo)factory;
            il.Emit(OpCodes.Call, call);
            result = call.ReturnType;
        }

        if (result.IsValueType)
        {
            il.Emit(OpCodes.Box, result);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object?[], object>>();
    }

    /// <summary>A seeded source that remembers what it handed out: those bytes are secret input too.</summary>
    private sealed class RecordingRandomSource(ulong seed) : IRandomSource
    {
        private readonly SeededRandomSource _inner = new(seed);
        private readonly List<byte> _drawn = [];

        public byte[] Drawn => [.. _drawn];

        public void Fill(Span<byte> destination)
        {
            _inner.Fill(destination);
            _drawn.AddRange(destination);
        }
    }
}
