namespace Kith.Crypto.Tests;

public class SecretBytesTests
{
    [Fact]
    public void ToString_and_interpolation_print_redacted_never_the_bytes()
    {
        using var secret = SecretBytes.CopyFrom([0xde, 0xad, 0xbe, 0xef]);
        Assert.Equal("[redacted]", secret.ToString());
        Assert.Equal(Redacted.Text, $"{secret}");
        Assert.DoesNotContain("dead", $"key={secret}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dispose_zeroes_the_buffer()
    {
        var secret = SecretBytes.CopyFrom([1, 2, 3, 4, 5]);
        Span<byte> view = secret.AsSpan();
        Assert.Equal(5, view[4]);
        secret.Dispose();
        Assert.True(secret.IsDisposed);
        foreach (byte b in view)
        {
            Assert.Equal(0, b);
        }
    }

    [Fact]
    public void Use_after_dispose_throws_and_a_second_dispose_is_harmless()
    {
        var secret = SecretBytes.Random(16, new SeededRandomSource(1));
        secret.Dispose();
        secret.Dispose();
        Assert.Throws<ObjectDisposedException>(() => secret.AsSpan());
        Assert.Throws<ObjectDisposedException>(() => secret.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => secret.Clone());
        Assert.Throws<ObjectDisposedException>(() => secret.FixedTimeEquals(new byte[16]));
        Assert.Equal(16, secret.Length);
        Assert.Equal(Redacted.Text, secret.ToString());
    }

    [Fact]
    public void CopyFrom_copies_and_Clone_is_independent()
    {
        byte[] source = [9, 8, 7];
        using var secret = SecretBytes.CopyFrom(source);
        source[0] = 0;
        Assert.Equal([9, 8, 7], secret.Span.ToArray());

        var clone = secret.Clone();
        clone.Dispose();
        Assert.Equal([9, 8, 7], secret.Span.ToArray());
    }

    [Fact]
    public void New_secret_is_zeroed_and_Random_draws_from_the_source()
    {
        using var zero = new SecretBytes(8);
        Assert.Equal(new byte[8], zero.Span.ToArray());

        using var a = SecretBytes.Random(32, new SeededRandomSource(5));
        var expected = new byte[32];
        new SeededRandomSource(5).Fill(expected);
        Assert.Equal(expected, a.Span.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SecretBytes(-1));
    }

    [Fact]
    public void FixedTimeEquals_compares_contents_and_length()
    {
        using var secret = SecretBytes.CopyFrom([1, 2, 3]);
        Assert.True(secret.FixedTimeEquals([1, 2, 3]));
        Assert.False(secret.FixedTimeEquals([1, 2, 4]));
        Assert.False(secret.FixedTimeEquals([1, 2]));
    }
}
