using System.Buffers.Binary;

namespace Kith.Primitives.Ids;

/// <summary>
/// Shared behaviour of Kith's 32-byte identifiers (hashes and public keys). Identifiers are public,
/// so they print as lowercase hex.
/// </summary>
public static class Id32
{
    /// <summary>Length in bytes of every identifier.</summary>
    public const int Size = 32;

    /// <summary>The all-zero identifier, which a default-initialised id reads as.</summary>
    public static ReadOnlySpan<byte> Zero => new byte[Size];

    /// <summary>Copies exactly 32 bytes; throws on a wrong length (a caller bug: decoders check lengths first).</summary>
    public static byte[] Copy(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size
            ? bytes.ToArray()
            : throw new ArgumentException($"An identifier is {Size} bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>A hash code from the first eight bytes (ids are uniformly distributed hashes or keys).</summary>
    public static int HashCode(ReadOnlySpan<byte> id)
    {
        ulong head = BinaryPrimitives.ReadUInt64LittleEndian(id);
        return unchecked((int)head ^ (int)(head >> 32));
    }
}
