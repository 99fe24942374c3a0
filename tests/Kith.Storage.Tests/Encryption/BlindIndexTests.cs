using Kith.Crypto;
using Kith.Storage.Encryption;

namespace Kith.Storage.Tests.Encryption;

public sealed class BlindIndexTests : IDisposable
{
    private static readonly ValueColumn Name = new("contacts", "name_index");

    private readonly SecretBytes _dataKey = SecretBytes.Random(32, new SeededRandomSource(21));
    private readonly StorageKeys _keys;
    private readonly BlindIndex _index;

    public BlindIndexTests()
    {
        _keys = StorageKeys.Derive(_dataKey);
        _index = new BlindIndex(_keys.IndexKey);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _dataKey.Dispose();
    }

    [Fact]
    public void Equal_values_have_equal_indexes_and_different_values_different_ones()
    {
        Assert.Equal(_index.Compute(Name, "alice"u8), _index.Compute(Name, "alice"u8));
        Assert.NotEqual(_index.Compute(Name, "alice"u8), _index.Compute(Name, "alicf"u8));
        Assert.Equal(BlindIndex.Size, _index.Compute(Name, "alice"u8).Length);
    }

    [Fact]
    public void The_same_value_has_unrelated_indexes_in_two_columns()
    {
        Assert.NotEqual(_index.Compute(Name, "alice"u8), _index.Compute(Name with { Column = "email_index" }, "alice"u8));
    }

    [Fact]
    public void Pairs_are_length_prefixed_so_boundaries_matter()
    {
        Assert.NotEqual(_index.Compute(Name, "ab"u8, "c"u8), _index.Compute(Name, "a"u8, "bc"u8));
        Assert.NotEqual(_index.Compute(Name, "abc"u8), _index.Compute(Name, "abc"u8, []));
    }

    [Fact]
    public void Indexes_depend_on_the_data_key_and_are_not_plain_hashes()
    {
        using SecretBytes otherDataKey = SecretBytes.Random(32, new SeededRandomSource(22));
        using StorageKeys otherKeys = StorageKeys.Derive(otherDataKey);
        byte[] index = _index.Compute(Name, "alice"u8);
        Assert.NotEqual(index, new BlindIndex(otherKeys.IndexKey).Compute(Name, "alice"u8));
        byte[] unkeyed = new byte[32];
        Blake2b.Hash("alice"u8, unkeyed);
        Assert.NotEqual(unkeyed, index);
    }

    [Fact]
    public void The_index_key_and_the_value_key_are_different_subkeys_of_the_data_key()
    {
        Assert.False(_keys.IndexKey.FixedTimeEquals(_keys.ValueKey.Span));
        Assert.False(_keys.IndexKey.FixedTimeEquals(_dataKey.Span));
        Assert.False(_keys.ValueKey.FixedTimeEquals(_dataKey.Span));
    }

    [Fact]
    public void The_index_is_keyed_blake2b_over_the_length_prefixed_table_column_and_parts()
    {
        // The stored format, spelt out independently of BlindIndex: indexes already on disk must keep matching.
        byte[] input = [.. Prefixed("contacts"u8), .. Prefixed("name_index"u8), .. Prefixed("ab"u8), .. Prefixed("cde"u8)];
        byte[] expected = new byte[BlindIndex.Size];
        Blake2b.Hash(input, expected, _keys.IndexKey.Span);

        Assert.Equal(expected, _index.Compute(Name, "ab"u8, "cde"u8));
        byte[] single = new byte[BlindIndex.Size];
        Blake2b.Hash([.. Prefixed("contacts"u8), .. Prefixed("name_index"u8), .. Prefixed("ab"u8)], single, _keys.IndexKey.Span);
        Assert.Equal(single, _index.Compute(Name, "ab"u8));
    }

    private static byte[] Prefixed(ReadOnlySpan<byte> part) =>
        [(byte)(part.Length >> 24), (byte)(part.Length >> 16), (byte)(part.Length >> 8), (byte)part.Length, .. part];
}
