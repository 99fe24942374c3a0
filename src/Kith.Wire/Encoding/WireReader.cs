using System.Buffers.Binary;
using Kith.Primitives.Errors;

namespace Kith.Wire;

/// <summary>
/// A bounds-checked reader over untrusted bytes. It never throws on bad input: every read returns
/// <c>false</c> once the input is exhausted, and the first failure sticks (<see cref="Error"/>), so a
/// decoder can read all its fields and check once at the end.
/// </summary>
public ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _input;
    private int _position;

    /// <summary>Reads from <paramref name="input"/>.</summary>
    public WireReader(ReadOnlySpan<byte> input)
    {
        _input = input;
        _position = 0;
        Error = null;
    }

    /// <summary>
    /// A reader over a whole encoding that refuses, unread, any input longer than <paramref name="maxBytes"/>: no valid
    /// encoding is larger, which bounds the work done on hostile input. The refusal is the reader's first error.
    /// </summary>
    public static WireReader Bounded(ReadOnlySpan<byte> input, int maxBytes)
    {
        var reader = new WireReader(input);
        if (input.Length > maxBytes)
        {
            reader.Fail(WireErrors.Oversized);
        }

        return reader;
    }

    /// <summary>The first error met, or <c>null</c>.</summary>
    public KithError? Error { get; private set; }

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _input.Length - _position;

    /// <summary>Records <paramref name="error"/> unless an earlier one is already recorded; returns <c>false</c>.</summary>
    public bool Fail(KithError error)
    {
        Error ??= error;
        _position = _input.Length;
        return false;
    }

    /// <summary>Reads one byte.</summary>
    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (Error is not null || Remaining < 1)
        {
            return Fail(WireErrors.Truncated);
        }

        value = _input[_position++];
        return true;
    }

    /// <summary>Reads a version byte and refuses any other than <paramref name="expected"/> (an unknown version is not guessed at).</summary>
    public bool TryReadVersion(byte expected)
    {
        if (!TryReadByte(out byte version))
        {
            return false;
        }

        return version == expected || Fail(WireErrors.UnknownVersion);
    }

    /// <summary>Reads a big-endian 16-bit integer.</summary>
    public bool TryReadUInt16(out ushort value)
    {
        value = 0;
        if (!TryReadSpan(2, out ReadOnlySpan<byte> bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        return true;
    }

    /// <summary>Reads a big-endian 32-bit integer.</summary>
    public bool TryReadUInt32(out uint value)
    {
        value = 0;
        if (!TryReadSpan(4, out ReadOnlySpan<byte> bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    /// <summary>Reads a big-endian 64-bit integer.</summary>
    public bool TryReadUInt64(out ulong value)
    {
        value = 0;
        if (!TryReadSpan(8, out ReadOnlySpan<byte> bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        return true;
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes.</summary>
    public bool TryReadSpan(int length, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (Error is not null || length < 0 || Remaining < length)
        {
            return Fail(WireErrors.Truncated);
        }

        bytes = _input.Slice(_position, length);
        _position += length;
        return true;
    }

    /// <summary>Reads a 16-bit length prefix and that many bytes, refusing lengths above <paramref name="maxLength"/>.</summary>
    public bool TryReadPrefixed16(int maxLength, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadUInt16(out ushort length))
        {
            return false;
        }

        return length > maxLength ? Fail(WireErrors.Oversized) : TryReadSpan(length, out bytes);
    }

    /// <summary>Reads a 32-bit length prefix and that many bytes, refusing lengths above <paramref name="maxLength"/>.</summary>
    public bool TryReadPrefixed32(int maxLength, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadUInt32(out uint length))
        {
            return false;
        }

        return length > (uint)maxLength ? Fail(WireErrors.Oversized) : TryReadSpan((int)length, out bytes);
    }

    /// <summary>Succeeds when every byte was consumed and no error occurred; otherwise gives the error.</summary>
    public bool TryFinish(out KithError? error)
    {
        if (Error is null && Remaining != 0)
        {
            Fail(WireErrors.TrailingBytes);
        }

        error = Error;
        return error is null;
    }
}
