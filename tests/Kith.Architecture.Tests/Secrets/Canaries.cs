using System.Text;
using Kith.Crypto;

// Secret holders written the right and the wrong way, for the rules' self-tests. Never used otherwise.
namespace Kith.Architecture.Tests.Secrets.Canaries;

/// <summary>Wrong: a record prints its members.</summary>
public sealed record LeakyRecord(SecretBytes Key);

/// <summary>Wrong: a record struct prints its members too.</summary>
public readonly record struct LeakyRecordStruct(SecretBytes Key, int Index);

/// <summary>Right: a record whose PrintMembers is written by hand.</summary>
public sealed record RecordWithOwnPrintMembers(SecretBytes Key)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Redacted.Text);
        return true;
    }
}

/// <summary>Wrong: holds a secret without overriding ToString.</summary>
public sealed class NoToStringOverride(SecretBytes key)
{
    public int Length => key.Length;
}

/// <summary>Wrong: holds a secret two steps away (a list of a type that holds one).</summary>
public sealed class HoldsAHolderInAList
{
    public List<NoToStringOverride> Holders { get; } = [];
}

/// <summary>Wrong: a plain struct nested in a class, holding a secret in a private field.</summary>
public static class Outer
{
    public struct NestedStructHolder
    {
        private SecretBytes? _secret;

        public void Set(SecretBytes secret) => _secret = secret;
    }
}

/// <summary>Right: redacts.</summary>
public sealed class Redacts(SecretBytes key) : IDisposable
{
    public int Length => key.Length;

    public void Dispose() => key.Dispose();

    public override string ToString() => $"Redacts({Redacted.Text})";
}

/// <summary>Wrong by rule 3: hands out a private key as a plain array.</summary>
public sealed class ExposesRawPrivateKey
{
    public byte[] PrivateKey { get; } = new byte[32];

    public override string ToString() => nameof(ExposesRawPrivateKey);
}

/// <summary>Passes the static rules (it overrides ToString) but prints its secret: only the dynamic check sees it.</summary>
public sealed class PrintsItsSecretAsHex
{
    private readonly SecretBytes _key;

    private PrintsItsSecretAsHex(SecretBytes key) => _key = key;

    public static PrintsItsSecretAsHex FromKey(ReadOnlySpan<byte> key) => new(SecretBytes.CopyFrom(key));

    public override string ToString() => $"key {Convert.ToHexStringLower(_key.Span)}";
}

/// <summary>Same, in base64, built from randomness.</summary>
public sealed class PrintsItsSecretAsBase64
{
    private readonly SecretBytes _key;

    private PrintsItsSecretAsBase64(SecretBytes key) => _key = key;

    public static PrintsItsSecretAsBase64 Generate(IRandomSource random) => new(SecretBytes.Random(32, random));

    public override string ToString() => $"key {Convert.ToBase64String(_key.Span)}";
}
