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

    private const int PrefixSize = sizeof(uint);

    // Indexed values are ids and short keys; a longer input goes to the heap.
    private const int StackLimit = 512;

    private readonly SecretBytes _key;

    internal BlindIndex(SecretBytes key) => _key = key;

    /// <summary>The index of <paramref name="value"/> in <paramref name="column"/>.</summary>
    public byte[] Compute(ValueColumn column, ReadOnlySpan<byte> value) => Compute(column, value, [], parts: 1);

    /// <summary>The index of the pair (<paramref name="first"/>, <paramref name="second"/>) in <paramref name="column"/>.</summary>
    public byte[] Compute(ValueColumn column, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        Compute(column, first, second, parts: 2);

    /// <summary>
    /// One-shot keyed BLAKE2b over <c>table, column, parts</c>, each length-prefixed, assembled on the stack: every
    /// stored row computes one or two indexes, and a streaming hasher's native state per index cost more than the
    /// hash itself. The input (hence every index already on disk) is the same as hashing the parts one by one.
    /// </summary>
    private byte[] Compute(ValueColumn column, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int parts)
    {
        int length = checked(PrefixSize * (2 + parts) + Encoding.UTF8.GetByteCount(column.Table) +
                             Encoding.UTF8.GetByteCount(column.Column) + first.Length + second.Length);
        byte[]? rented = length > StackLimit ? new byte[length] : null;
        Span<byte> input = rented ?? stackalloc byte[StackLimit];
        input = input[..length];
        Span<byte> rest = input;
        rest = Text(rest, column.Table);
        rest = Text(rest, column.Column);
        rest = Part(rest, first);
        if (parts == 2)
        {
            _ = Part(rest, second);
        }

        byte[] index = new byte[Size];
        Blake2b.Hash(input, index, _key.Span);
        return index;
    }

    private static Span<byte> Text(Span<byte> destination, string text)
    {
        int written = Encoding.UTF8.GetBytes(text, destination[PrefixSize..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, checked((uint)written));
        return destination[(PrefixSize + written)..];
    }

    private static Span<byte> Part(Span<byte> destination, ReadOnlySpan<byte> part)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, checked((uint)part.Length));
        part.CopyTo(destination[PrefixSize..]);
        return destination[(PrefixSize + part.Length)..];
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => nameof(BlindIndex);
}
