namespace Kith.Crypto.Tests.Random;

public class SeededRandomSourceTests
{
    private static byte[] Stream(ulong seed, params int[] calls)
    {
        var source = new SeededRandomSource(seed);
        return [.. calls.SelectMany(n =>
        {
            var buffer = new byte[n];
            source.Fill(buffer);
            return buffer;
        })];
    }

    [Fact]
    public void The_same_seed_gives_the_same_stream()
    {
        Assert.Equal(Stream(42, 1, 31, 64, 1000), Stream(42, 1, 31, 64, 1000));
    }

    [Fact]
    public void Different_seeds_give_different_streams()
    {
        var outputs = new HashSet<string>();
        foreach (ulong seed in new ulong[] { 0, 1, 2, 42, ulong.MaxValue })
        {
            Assert.True(outputs.Add(Hex.Encode(Stream(seed, 32))));
        }
    }

    [Fact]
    public void Successive_calls_do_not_repeat_output()
    {
        byte[] two = Stream(7, 32, 32);
        Assert.NotEqual(two[..32], two[32..]);
    }

    [Fact]
    public void Fill_overwrites_whatever_the_buffer_held()
    {
        var a = new byte[64];
        var b = Enumerable.Repeat((byte)0xFF, 64).ToArray();
        new SeededRandomSource(9).Fill(a);
        new SeededRandomSource(9).Fill(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void NextInt_stays_in_range_and_reproduces()
    {
        var first = new SeededRandomSource(11);
        var second = new SeededRandomSource(11);
        var seen = new HashSet<int>();
        for (int i = 0; i < 500; i++)
        {
            int value = first.NextInt(10);
            Assert.InRange(value, 0, 9);
            Assert.Equal(value, second.NextInt(10));
            seen.Add(value);
        }

        Assert.Equal(10, seen.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => first.NextInt(0));
    }

    [Fact]
    public void Seed_is_kept_and_printed()
    {
        var source = new SeededRandomSource(123);
        Assert.Equal(123UL, source.Seed);
        Assert.Contains("123", source.ToString());
    }

    [Fact]
    public void System_source_fills_with_varying_bytes()
    {
        var a = new byte[32];
        var b = new byte[32];
        SystemRandomSource.Instance.Fill(a);
        SystemRandomSource.Instance.Fill(b);
        Assert.NotEqual(a, b);
    }
}
