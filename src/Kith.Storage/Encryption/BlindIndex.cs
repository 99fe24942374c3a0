using System.Buffers.Binary;
using System.Text;
using Kith.Crypto;

namespace Kith.Storage.Encryption;

/// <summary>
/// Keyed hashes ("blind indexes") for the lookups that need equality: a column stores
/// BLAKE2b-256 keyed with the data key's index subkey (RFC 7693 §2.9) over the column's name and the
/// looked-up parts, never the plaintext. Without the data key the hashes reveal nothing but equality
/// of values within one column.
/// </summary>
/// <remarks>
/// Every part is length-prefixed, so ("ab", "c") and ("a", "bc") hash differently; the column is part of
/// the input, so the same value has unrelated indexes in two columns.
/// </remarks>
public sealed class BlindIndex
{
    /// <summary>Size of an index value in bytes.</summary>
    public const int Size = 32;

    private readonly SecretBytes _key;

    internal BlindIndex(SecretBytes key) => _key = key;

    /// <summary>The index of <paramref name="value"/> in <paramref name="column"/>.</summary>
    public byte[] Compute(ValueColumn column, ReadOnlySpan<byte> value)
    {
        using Blake2bHasher hasher = Start(column);
        Part(hasher, value);
        return Finish(hasher);
    }

    /// <summary>The index of the pair (<paramref name="first"/>, <paramref name="second"/>) in <paramref name="column"/>.</summary>
    public byte[] Compute(ValueColumn column, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        using Blake2bHasher hasher = Start(column);
        Part(hasher, first);
        Part(hasher, second);
        return Finish(hasher);
    }

    private Blake2bHasher Start(ValueColumn column)
    {
        var hasher = new Blake2bHasher(Size, _key.Span);
        Part(hasher, Encoding.UTF8.GetBytes(column.Table));
        Part(hasher, Encoding.UTF8.GetBytes(column.Column));
        return hasher;
    }

    private static void Part(Blake2bHasher hasher, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, checked((uint)part.Length));
        hasher.Update(length);
        hasher.Update(part);
    }

    private static byte[] Finish(Blake2bHasher hasher)
    {
        byte[] index = new byte[Size];
        hasher.Finish(index);
        return index;
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => nameof(BlindIndex);
}
