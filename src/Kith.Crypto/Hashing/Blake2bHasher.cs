using System.Runtime.InteropServices;
using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>Incremental BLAKE2b (RFC 7693) over libsodium's streaming API, for hashing data that arrives in parts.</summary>
public sealed unsafe class Blake2bHasher : IDisposable
{
    // libsodium requires the state to be 64-byte aligned.
    private const nuint Alignment = 64;
    private readonly int _hashSize;
    private byte* _state;

    /// <summary>Starts a hash with a <paramref name="hashSize"/>-byte digest and an optional key.</summary>
    public Blake2bHasher(int hashSize, ReadOnlySpan<byte> key = default)
    {
        if (hashSize is < 1 or > Blake2b.MaxHashSize || key.Length > Blake2b.MaxKeySize)
        {
            throw new ArgumentException("BLAKE2b digests are 1 to 64 bytes; keys at most 64.");
        }

        Libsodium.EnsureInitialized();
        _hashSize = hashSize;
        _state = (byte*)NativeMemory.AlignedAlloc(Libsodium.crypto_generichash_blake2b_statebytes(), Alignment);
        fixed (byte* k = key)
        {
            _ = Libsodium.crypto_generichash_blake2b_init(_state, k, (nuint)key.Length, (nuint)hashSize);
        }
    }

    /// <summary>Adds <paramref name="data"/>.</summary>
    public void Update(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        fixed (byte* d = data)
        {
            _ = Libsodium.crypto_generichash_blake2b_update(_state, d, (ulong)data.Length);
        }
    }

    /// <summary>Writes the digest; the hasher cannot be used afterwards.</summary>
    public void Finish(Span<byte> hash)
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        X25519.CheckLength(hash, _hashSize, nameof(hash));
        fixed (byte* h = hash)
        {
            _ = Libsodium.crypto_generichash_blake2b_final(_state, h, (nuint)_hashSize);
        }

        Dispose();
    }

    /// <summary>Frees (and zeroes) the native state.</summary>
    public void Dispose()
    {
        if (_state != null)
        {
            NativeMemory.Clear(_state, Libsodium.crypto_generichash_blake2b_statebytes());
            NativeMemory.AlignedFree(_state);
            _state = null;
        }
    }
}
