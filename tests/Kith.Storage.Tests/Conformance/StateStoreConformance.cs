using System.Text;
using CsCheck;
using Kith.Primitives;
using Kith.Protocol.Storage;

namespace Kith.Storage.Tests.Conformance;

/// <summary>
/// What every <see cref="IStateStore"/> must do, run against each implementation (STYLE.md: one store
/// conformance suite for every store). Subclasses supply a fresh, empty store.
/// </summary>
public abstract class StateStoreConformance : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>A new empty store; anything it needs disposed goes through <see cref="Own{T}"/>.</summary>
    protected abstract IStateStore CreateStore();

    protected T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private static readonly byte[] Key = [1, 2, 3, 4];

    [Fact]
    public void Reading_a_missing_entry_gives_null()
    {
        IStateStore store = CreateStore();
        Assert.Null(store.Read("session", Key).Value);
    }

    [Fact]
    public void A_written_value_reads_back_identically()
    {
        IStateStore store = CreateStore();
        byte[] value = Encoding.UTF8.GetBytes("ratchet state");
        store.Write("session", Key, value);
        Assert.Equal(value, store.Read("session", Key).Value);
    }

    [Fact]
    public void Writing_again_replaces_the_value()
    {
        IStateStore store = CreateStore();
        store.Write("session", Key, [1]);
        store.Write("session", Key, [2, 2]);
        Assert.Equal([2, 2], store.Read("session", Key).Value);
    }

    [Fact]
    public void Delete_removes_the_entry_and_says_whether_there_was_one()
    {
        IStateStore store = CreateStore();
        store.Write("session", Key, [1]);
        Assert.True(store.Delete("session", Key));
        Assert.Null(store.Read("session", Key).Value);
        Assert.False(store.Delete("session", Key));
    }

    [Fact]
    public void Kinds_are_separate_namespaces()
    {
        IStateStore store = CreateStore();
        store.Write("session", Key, [1]);
        store.Write("chain", Key, [2]);
        Assert.Equal([1], store.Read("session", Key).Value);
        Assert.Equal([2], store.Read("chain", Key).Value);
        Assert.True(store.Delete("chain", Key));
        Assert.Equal([1], store.Read("session", Key).Value);
    }

    [Fact]
    public void Kind_and_key_boundaries_are_not_ambiguous()
    {
        IStateStore store = CreateStore();
        store.Write("ab", "c"u8, [1]);
        Assert.Null(store.Read("a", "bc"u8).Value);
        Assert.Null(store.Read("abc", []).Value);
    }

    [Fact]
    public void Empty_keys_and_empty_values_are_entries_like_any_other()
    {
        IStateStore store = CreateStore();
        store.Write("counter", [], []);
        byte[]? empty = store.Read("counter", []).Value;
        Assert.NotNull(empty);
        Assert.Empty(empty);
        Assert.Null(store.Read("counter", [0]).Value);
    }

    [Fact]
    public void The_store_keeps_its_own_copies()
    {
        IStateStore store = CreateStore();
        byte[] value = [1, 2, 3];
        byte[] key = [9];
        store.Write("session", key, value);
        value[0] = 99;
        key[0] = 8;
        byte[] read = store.Read("session", [9]).Value!;
        Assert.Equal([1, 2, 3], read!);
        read[1] = 99;
        Assert.Equal([1, 2, 3], store.Read("session", [9]).Value);
    }

    [Fact]
    public void Large_values_round_trip()
    {
        IStateStore store = CreateStore();
        byte[] value = new byte[300_000];
        new Random(7).NextBytes(value);
        store.Write("session", Key, value);
        Assert.Equal(value, store.Read("session", Key).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Session")]
    [InlineData("ses sion")]
    [InlineData("séance")]
    public void Malformed_kinds_are_caller_bugs(string kind)
    {
        IStateStore store = CreateStore();
        Assert.Throws<ArgumentException>(() => store.Write(kind, Key, [1]));
        Assert.Throws<ArgumentException>(() => store.Read(kind, Key));
        Assert.Throws<ArgumentException>(() => store.Delete(kind, Key));
    }

    [Fact]
    public void Oversized_kinds_keys_and_values_are_caller_bugs()
    {
        IStateStore store = CreateStore();
        Assert.Throws<ArgumentException>(() => store.Write(new string('a', Limits.MaxStateKindLength + 1), Key, [1]));
        Assert.Throws<ArgumentException>(() => store.Write("session", new byte[Limits.MaxStateKeyLength + 1], [1]));
        Assert.Throws<ArgumentException>(() => store.Write("session", Key, new byte[Limits.MaxStateValueLength + 1]));
        store.Write(new string('a', Limits.MaxStateKindLength), new byte[Limits.MaxStateKeyLength], [1]);
    }

    /// <summary>
    /// Any sequence of writes, deletes and reads behaves as on a dictionary that saw the same sequence. One
    /// store serves every sample (each under kinds of its own), since creating a durable store per sample
    /// would dominate the run time.
    /// </summary>
    [Fact]
    public void Behaves_like_a_dictionary_for_any_sequence_of_operations()
    {
        IStateStore store = CreateStore();
        int sample = 0;
        Gen<(int Op, int Kind, byte Key, byte[] Value)> operation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.Byte[0, 5], Gen.Byte.Array[0, 40]);
        operation.Array[1, 40].Sample(operations =>
        {
            string[] kinds = [$"s{sample}.session", $"s{sample}.chain"];
            sample++;
            var model = new Dictionary<(int, byte), byte[]>();
            foreach (var (op, kind, key, value) in operations)
            {
                switch (op)
                {
                    case 0:
                        store.Write(kinds[kind], [key], value);
                        model[(kind, key)] = value;
                        break;
                    case 1:
                        Assert.Equal(model.Remove((kind, key)), store.Delete(kinds[kind], [key]));
                        break;
                    default:
                        Assert.Equal(model.GetValueOrDefault((kind, key)), store.Read(kinds[kind], [key]).Value);
                        break;
                }
            }

            for (int kind = 0; kind < kinds.Length; kind++)
            {
                for (byte key = 0; key <= 5; key++)
                {
                    Assert.Equal(model.GetValueOrDefault((kind, key)), store.Read(kinds[kind], [key]).Value);
                }
            }
        }, seed: "0N0XIzNsQ0O2", iter: 40, threads: 1);
    }
}
