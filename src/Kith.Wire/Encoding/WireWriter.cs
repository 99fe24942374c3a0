using System.Buffers;
using System.Buffers.Binary;

namespace Kith.Wire;

/// <summary>
/// Appends big-endian fields to a growing buffer. Writing is for data Kith itself produced, so a size
/// beyond a limit here is a caller bug and throws.
/// </summary>
public sealed class WireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Starts an empty writer.</summary>
    public WireWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>Appends one byte.</summary>
    public WireWriter Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    /// <summary>Appends a big-endian 16-bit integer.</summary>
    public WireWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    /// <summary>Appends a big-endian 32-bit integer.</summary>
    public WireWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>Appends a big-endian 64-bit integer.</summary>
    public WireWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>Appends raw bytes.</summary>
    public WireWriter Bytes(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    /// <summary>Appends a 16-bit length prefix and the bytes.</summary>
    public WireWriter Prefixed16(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A 16-bit length-prefixed field holds at most 65535 bytes.", nameof(value));
        }

        return U16((ushort)value.Length).Bytes(value);
    }

    /// <summary>Appends a 32-bit length prefix and the bytes.</summary>
    public WireWriter Prefixed32(ReadOnlySpan<byte> value) => U32((uint)value.Length).Bytes(value);

    /// <summary>A copy of everything written.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
