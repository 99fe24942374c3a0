namespace Kith.Crypto.Tests.Rfc;

/// <summary>RFC 7693 Appendix A (BLAKE2b-512("abc")) through <see cref="Blake2b"/> and <see cref="Blake2bHasher"/>.</summary>
public class Blake2bTests
{
    private const string Abc512 =
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";

    [Fact]
    public void Hash_of_abc_is_the_RFC_7693_Appendix_A_digest()
    {
        var output = new byte[64];
        Blake2b.Hash("abc"u8, output);
        Assert.Equal(Abc512, Hex.Encode(output));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Incremental_hash_of_abc_in_pieces_is_the_RFC_7693_Appendix_A_digest(int pieceSize)
    {
        byte[] abc = "abc"u8.ToArray();
        using var hasher = new Blake2bHasher(64);
        for (int i = 0; i < abc.Length; i += pieceSize)
        {
            hasher.Update(abc.AsSpan(i, Math.Min(pieceSize, abc.Length - i)));
        }

        hasher.Update([]);
        var output = new byte[64];
        hasher.Finish(output);
        Assert.Equal(Abc512, Hex.Encode(output));
    }

    [Fact]
    public void Incremental_and_one_shot_hashes_agree_across_block_boundaries_with_and_without_a_key()
    {
        var random = new SeededRandomSource(7693);
        byte[] data = new byte[3 * Blake2b.BlockSize + 5];
        random.Fill(data);
        byte[] key = new byte[Blake2b.MaxKeySize];
        random.Fill(key);
        foreach (int size in new[] { 1, 32, 64 })
        {
            foreach (byte[] k in new[] { Array.Empty<byte>(), key })
            {
                var oneShot = new byte[size];
                Blake2b.Hash(data, oneShot, k);
                using var hasher = new Blake2bHasher(size, k);
                int offset = 0;
                foreach (int piece in new[] { 0, 1, 127, 128, 129, 1000 })
                {
                    int take = Math.Min(piece, data.Length - offset);
                    hasher.Update(data.AsSpan(offset, take));
                    offset += take;
                }

                var incremental = new byte[size];
                hasher.Finish(incremental);
                Assert.Equal(oneShot, incremental);
            }
        }
    }

    [Fact]
    public void Hash256_is_the_32_byte_digest_of_the_concatenated_parts()
    {
        var expected = new byte[32];
        Blake2b.Hash("abcdef"u8, expected);
        Assert.Equal(expected, Blake2b.Hash256("ab"u8.ToArray(), [], "cdef"u8.ToArray()));
    }

    [Fact]
    public void A_finished_or_disposed_hasher_refuses_further_use()
    {
        var hasher = new Blake2bHasher(32);
        hasher.Finish(new byte[32]);
        Assert.Throws<ObjectDisposedException>(() => hasher.Update([1]));
        Assert.Throws<ObjectDisposedException>(() => hasher.Finish(new byte[32]));
        hasher.Dispose();
    }

    [Fact]
    public void Out_of_range_sizes_are_caller_bugs_and_throw()
    {
        Assert.Throws<ArgumentException>(() => Blake2b.Hash([1], []));
        Assert.Throws<ArgumentException>(() => Blake2b.Hash([1], new byte[65]));
        Assert.Throws<ArgumentException>(() => Blake2b.Hash([1], new byte[32], new byte[65]));
        Assert.Throws<ArgumentException>(() => new Blake2bHasher(0));
        Assert.Throws<ArgumentException>(() => new Blake2bHasher(65));
        using var hasher = new Blake2bHasher(32);
        Assert.Throws<ArgumentException>(() => hasher.Finish(new byte[31]));
    }
}
