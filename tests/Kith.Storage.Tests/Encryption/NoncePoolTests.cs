using Kith.Crypto;
using Kith.Storage.Encryption;

namespace Kith.Storage.Tests.Encryption;

/// <summary><see cref="NoncePool"/>: every byte drawn from the random source goes into exactly one nonce.</summary>
public sealed class NoncePoolTests
{
    private const int NonceSize = XChaCha20Poly1305.NonceSize;

    [Fact]
    public void Nonces_are_consecutive_slices_of_the_drawn_randomness_across_refills()
    {
        // The pool draws 170 nonces at a time; 400 nonces cross two refills.
        const int count = 400;
        const int blockSize = 170 * NonceSize;
        var expected = new SeededRandomSource(31);
        var stream = new List<byte>();
        for (int drawn = 0; drawn < count * NonceSize; drawn += blockSize)
        {
            byte[] block = new byte[blockSize];
            expected.Fill(block);
            stream.AddRange(block);
        }

        var pool = new NoncePool(new SeededRandomSource(31));
        for (int i = 0; i < count; i++)
        {
            byte[] nonce = new byte[NonceSize];
            pool.Fill(nonce);
            Assert.Equal(stream.GetRange(i * NonceSize, NonceSize), nonce);
        }
    }

    [Fact]
    public void Nonces_drawn_on_several_threads_are_all_different()
    {
        var pool = new NoncePool(new SeededRandomSource(32));
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        Parallel.For(0, 4, _ =>
        {
            byte[] nonce = new byte[NonceSize];
            for (int i = 0; i < 2_000; i++)
            {
                pool.Fill(nonce);
                Assert.True(seen.TryAdd(Convert.ToHexString(nonce), true));
            }
        });
        Assert.Equal(8_000, seen.Count);
    }

    [Fact]
    public void Only_whole_nonces_are_handed_out()
    {
        var pool = new NoncePool(new SeededRandomSource(33));
        Assert.Throws<ArgumentException>(() => pool.Fill(new byte[NonceSize - 1]));
        Assert.Throws<ArgumentException>(() => pool.Fill(new byte[NonceSize + 1]));
    }
}
