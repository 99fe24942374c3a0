using System.Security.Cryptography;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// The skipped message keys of one receiving chain, stored under the header key the chain's messages
/// are sealed with: the MKSKIPPED entries (hk, n) → mk of §4.3 that share one hk.
/// </summary>
/// <remarks>
/// Keys are kept in ascending message-number order, because a chain's keys are skipped from its
/// current Nr upwards; the oldest key is always first. The buffers are pinned, so the GC never leaves
/// copies of key material behind, and every removed key is zeroed.
/// </remarks>
internal sealed class SkippedKeyChain : IDisposable
{
    private const int KeySize = RatchetKdf.KeySize;

    private readonly byte[] _headerKey = GC.AllocateArray<byte>(KeySize, pinned: true);
    private readonly List<uint> _numbers = [];
    private byte[] _keys = [];

    /// <summary>Starts an empty chain for <paramref name="headerKey"/>.</summary>
    internal SkippedKeyChain(ReadOnlySpan<byte> headerKey) => headerKey.CopyTo(_headerKey);

    /// <summary>The header key (hk) the chain's messages were sealed under.</summary>
    internal ReadOnlySpan<byte> HeaderKey => _headerKey;

    /// <summary>How many keys the chain holds.</summary>
    internal int Count => _numbers.Count;

    /// <summary>The message number of the key at <paramref name="index"/>.</summary>
    internal uint NumberAt(int index) => _numbers[index];

    /// <summary>The key at <paramref name="index"/>.</summary>
    internal ReadOnlySpan<byte> KeyAt(int index) => _keys.AsSpan(index * KeySize, KeySize);

    /// <summary>Whether the chain holds the key of message <paramref name="number"/>, and where.</summary>
    internal bool TryFind(uint number, out int index)
    {
        index = _numbers.BinarySearch(number);
        return index >= 0;
    }

    /// <summary>
    /// Appends the keys of messages <paramref name="firstNumber"/>, <paramref name="firstNumber"/> + 1, ...;
    /// <paramref name="keys"/> holds them back to back. Numbers must stay ascending.
    /// </summary>
    internal void Append(uint firstNumber, ReadOnlySpan<byte> keys)
    {
        int added = keys.Length / KeySize;
        if (Count > 0 && _numbers[^1] >= firstNumber)
        {
            throw new InvalidOperationException("Skipped message keys must be appended in ascending order.");
        }

        EnsureCapacity(checked(Count + added));
        keys.CopyTo(_keys.AsSpan(Count * KeySize));
        for (int i = 0; i < added; i++)
        {
            _numbers.Add(checked(firstNumber + (uint)i));
        }
    }

    /// <summary>Deletes the key at <paramref name="index"/> (it was used, or is being evicted).</summary>
    internal void RemoveAt(int index) => RemoveRange(index, 1);

    /// <summary>Deletes the <paramref name="count"/> oldest keys.</summary>
    internal void RemoveOldest(int count) => RemoveRange(0, count);

    /// <summary>Zeroes every key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_headerKey);
        CryptographicOperations.ZeroMemory(_keys);
        _numbers.Clear();
    }

    private void RemoveRange(int index, int count)
    {
        int tail = Count - index - count;
        Span<byte> keys = _keys.AsSpan(0, Count * KeySize);
        keys.Slice((index + count) * KeySize, tail * KeySize).CopyTo(keys[(index * KeySize)..]);
        CryptographicOperations.ZeroMemory(keys[((index + tail) * KeySize)..]);
        _numbers.RemoveRange(index, count);
    }

    private void EnsureCapacity(int count)
    {
        if (_keys.Length >= count * KeySize)
        {
            return;
        }

        int capacity = Math.Max(count, Math.Max(16, 2 * (_keys.Length / KeySize)));
        byte[] grown = GC.AllocateArray<byte>(capacity * KeySize, pinned: true);
        _keys.AsSpan(0, Count * KeySize).CopyTo(grown);
        CryptographicOperations.ZeroMemory(_keys);
        _keys = grown;
    }
}
