namespace Kith.Wire.Tests;

public class WireReaderTests
{
    [Fact]
    public void Round_trips_every_field_kind()
    {
        byte[] bytes = new WireWriter().Byte(1).U16(2).U32(3).U64(4).Prefixed16([5, 6]).Prefixed32([7]).ToArray();
        var reader = new WireReader(bytes);
        Assert.True(reader.TryReadByte(out byte b));
        Assert.True(reader.TryReadUInt16(out ushort s));
        Assert.True(reader.TryReadUInt32(out uint i));
        Assert.True(reader.TryReadUInt64(out ulong l));
        Assert.True(reader.TryReadPrefixed16(10, out ReadOnlySpan<byte> p16));
        Assert.True(reader.TryReadPrefixed32(10, out ReadOnlySpan<byte> p32));
        Assert.True(reader.TryFinish(out _));
        Assert.Equal((1, 2, 3u, 4ul), (b, s, i, l));
        Assert.Equal(new byte[] { 5, 6 }, p16.ToArray());
        Assert.Equal(new byte[] { 7 }, p32.ToArray());
    }

    [Fact]
    public void Every_truncation_is_an_error_not_an_exception()
    {
        byte[] bytes = new WireWriter().U32(9).Prefixed16([1, 2, 3]).ToArray();
        for (int n = 0; n < bytes.Length; n++)
        {
            var reader = new WireReader(bytes.AsSpan(0, n));
            _ = reader.TryReadUInt32(out _);
            _ = reader.TryReadPrefixed16(10, out _);
            Assert.False(reader.TryFinish(out var error));
            Assert.Equal(WireErrors.Truncated, error);
        }
    }

    [Fact]
    public void Length_above_limit_is_oversized()
    {
        byte[] bytes = new WireWriter().Prefixed16(new byte[11]).ToArray();
        var reader = new WireReader(bytes);
        Assert.False(reader.TryReadPrefixed16(10, out _));
        Assert.Equal(WireErrors.Oversized, reader.Error);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var reader = new WireReader([1, 2]);
        Assert.True(reader.TryReadByte(out _));
        Assert.False(reader.TryFinish(out var error));
        Assert.Equal(WireErrors.TrailingBytes, error);
    }

    [Fact]
    public void First_error_sticks()
    {
        var reader = new WireReader([0, 20]);
        Assert.False(reader.TryReadPrefixed16(10, out _));
        Assert.False(reader.TryReadByte(out _));
        Assert.Equal(WireErrors.Oversized, reader.Error);
    }

    [Fact]
    public void Bounded_reader_refuses_longer_input_before_reading_it()
    {
        var reader = WireReader.Bounded([1, 2, 3], maxBytes: 2);
        Assert.False(reader.TryReadVersion(1));
        Assert.Equal(WireErrors.Oversized, reader.Error);

        var fits = WireReader.Bounded([1, 2], maxBytes: 2);
        Assert.True(fits.TryReadVersion(1));
        Assert.True(fits.TryReadByte(out byte next));
        Assert.Equal(2, next);
    }

    [Fact]
    public void Version_other_than_expected_is_unknown_and_empty_input_truncated()
    {
        var other = new WireReader([2]);
        Assert.False(other.TryReadVersion(1));
        Assert.Equal(WireErrors.UnknownVersion, other.Error);

        var empty = new WireReader([]);
        Assert.False(empty.TryReadVersion(1));
        Assert.Equal(WireErrors.Truncated, empty.Error);
    }
}
