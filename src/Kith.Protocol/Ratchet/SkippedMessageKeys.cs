using System.Security.Cryptography;
using Kith.Primitives;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// MKSKIPPED of Signal's "The Double Ratchet Algorithm" with header encryption (§4.3): message keys
/// of skipped messages, each stored with the header key of its chain so that TrySkippedMessageKeysHE
/// (§4.6) can recognise a late message by trial-decrypting its header.
/// </summary>
/// <remarks>
/// Bounded as the spec's "Deletion of skipped message keys" advises: at most <see cref="Limits.RatchetMaxSkippedChains"/> chains and
/// <see cref="Limits.RatchetMaxSkippedMessageKeys"/> keys; beyond either the oldest keys are deleted.
/// Keys are only ever added to the newest chain (the current receiving chain, or the one a DH ratchet
/// step just closed), so chain order followed by message order is the order keys were stored in.
/// </remarks>
internal sealed class SkippedMessageKeys : IDisposable
{
    private readonly List<SkippedKeyChain> _chains = [];

    /// <summary>The chains, oldest first.</summary>
    internal IReadOnlyList<SkippedKeyChain> Chains => _chains;

    /// <summary>How many keys are stored.</summary>
    internal int Count { get; private set; }

    /// <summary>
    /// Stores the keys of messages <paramref name="firstNumber"/>, ... of the chain sealed under
    /// <paramref name="headerKey"/>, then evicts the oldest keys beyond the limits.
    /// </summary>
    internal void Add(ReadOnlySpan<byte> headerKey, uint firstNumber, ReadOnlySpan<byte> keys)
    {
        if (keys.IsEmpty)
        {
            return;
        }

        SkippedKeyChain chain;
        if (_chains.Count > 0 && CryptographicOperations.FixedTimeEquals(_chains[^1].HeaderKey, headerKey))
        {
            chain = _chains[^1];
        }
        else
        {
            chain = new SkippedKeyChain(headerKey);
            _chains.Add(chain);
        }

        int before = chain.Count;
        chain.Append(firstNumber, keys);
        Count += chain.Count - before;
        Evict();
    }

    /// <summary>Adds a chain read from a stored session (keys already validated and ordered).</summary>
    internal void AddLoaded(SkippedKeyChain chain)
    {
        _chains.Add(chain);
        Count += chain.Count;
    }

    /// <summary>Deletes a used key (§4.6: "del state.MKSKIPPED[hk, n]"), and its chain once empty.</summary>
    internal void Remove(SkippedKeyChain chain, int index)
    {
        chain.RemoveAt(index);
        Count--;
        if (chain.Count == 0)
        {
            _ = _chains.Remove(chain);
            chain.Dispose();
        }
    }

    /// <summary>Zeroes every key.</summary>
    public void Dispose()
    {
        foreach (SkippedKeyChain chain in _chains)
        {
            chain.Dispose();
        }

        _chains.Clear();
        Count = 0;
    }

    private void Evict()
    {
        while (_chains.Count > Limits.RatchetMaxSkippedChains)
        {
            DropOldestChain();
        }

        while (Count > Limits.RatchetMaxSkippedMessageKeys)
        {
            SkippedKeyChain oldest = _chains[0];
            int excess = Count - Limits.RatchetMaxSkippedMessageKeys;
            if (oldest.Count <= excess)
            {
                DropOldestChain();
            }
            else
            {
                oldest.RemoveOldest(excess);
                Count -= excess;
            }
        }
    }

    private void DropOldestChain()
    {
        SkippedKeyChain oldest = _chains[0];
        _chains.RemoveAt(0);
        Count -= oldest.Count;
        oldest.Dispose();
    }
}
