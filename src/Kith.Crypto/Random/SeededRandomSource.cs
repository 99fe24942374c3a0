using System.Buffers.Binary;
using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// A deterministic random source for tests, simulations and benchmarks: the ChaCha20 (RFC 8439)
/// keystream under a key derived from the seed, one fresh nonce per <see cref="Fill"/> call. The same
/// seed and the same sequence of calls give the same bytes, so a failing run replays from its seed.
/// Never used by the node.
/// </summary>
public sealed unsafe class SeededRandomSource : IRandomSource
{
    private readonly byte[] _key;
    private ulong _calls;

    /// <summary>Seeds from a number, the form a test prints when it fails.</summary>
    public SeededRandomSource(ulong seed)
    {
        Span<byte> seedBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(seedBytes, seed);
        _key = new byte[32];
        Blake2b.Hash(seedBytes, _key, "kith-seeded-random"u8);
        Seed = seed;
    }

    /// <summary>The seed this source was made from.</summary>
    public ulong Seed { get; }

    /// <inheritdoc/>
    public void Fill(Span<byte> destination)
    {
        Libsodium.EnsureInitialized();
        Span<byte> nonce = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, _calls++);
        destination.Clear();
        fixed (byte* d = destination)
        fixed (byte* n = nonce)
        fixed (byte* k = _key)
        {
            _ = Libsodium.crypto_stream_chacha20_ietf(d, (ulong)destination.Length, n, k);
        }
    }

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>), for test drivers.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        Span<byte> b = stackalloc byte[8];
        Fill(b);
        return (int)(BinaryPrimitives.ReadUInt64LittleEndian(b) % (ulong)maxExclusive);
    }

    /// <inheritdoc/>
    public override string ToString() => $"SeededRandomSource({Seed})";
}
