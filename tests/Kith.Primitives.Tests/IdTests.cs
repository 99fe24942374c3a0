using Kith.Primitives.Ids;

namespace Kith.Primitives.Tests;

public class IdTests
{
    [Fact]
    public void Ids_compare_by_bytes_and_print_as_hex()
    {
        var a = EventId.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray());
        var b = EventId.FromBytes(Enumerable.Repeat((byte)2, 32).ToArray());
        Assert.True(a < b);
        Assert.Equal(a, EventId.FromBytes(a.Span));
        Assert.NotEqual(a, b);
        Assert.Equal(string.Concat(Enumerable.Repeat("01", 32)), a.ToString());
    }

    [Fact]
    public void Wrong_length_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => DeviceId.FromBytes(new byte[31]));
    }

    [Fact]
    public void Default_id_reads_as_zero()
    {
        Assert.True(default(AccountId).Span.SequenceEqual(new byte[32]));
    }
}
