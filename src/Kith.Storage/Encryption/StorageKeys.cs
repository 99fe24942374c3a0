using System.Text;
using Kith.Crypto;

namespace Kith.Storage.Encryption;

/// <summary>
/// The subkeys derived from the store's data key, one per purpose, so the key that encrypts values never
/// also keys the blind indexes. Each is BLAKE2b-256 keyed with the data key over a fixed label (BLAKE2b's
/// keyed mode is a PRF, RFC 7693 §2.9), which lets new purposes be added without touching old data.
/// </summary>
internal sealed class StorageKeys : IDisposable
{
    /// <summary>Size of the data key and of every subkey.</summary>
    public const int KeySize = 32;

    private static readonly byte[] ValueKeyLabel = Encoding.ASCII.GetBytes("kith.storage.value-key.v1");
    private static readonly byte[] IndexKeyLabel = Encoding.ASCII.GetBytes("kith.storage.blind-index-key.v1");

    private StorageKeys(SecretBytes valueKey, SecretBytes indexKey)
    {
        ValueKey = valueKey;
        IndexKey = indexKey;
    }

    /// <summary>Keys <see cref="ValueCipher"/>'s XChaCha20-Poly1305.</summary>
    public SecretBytes ValueKey { get; }

    /// <summary>Keys <see cref="BlindIndex"/>'s BLAKE2b.</summary>
    public SecretBytes IndexKey { get; }

    /// <summary>Derives both subkeys from <paramref name="dataKey"/>; the caller keeps ownership of the data key.</summary>
    public static StorageKeys Derive(SecretBytes dataKey)
    {
        if (dataKey.Length != KeySize)
        {
            throw new ArgumentException("The data key is 32 bytes.", nameof(dataKey));
        }

        return new StorageKeys(Subkey(dataKey, ValueKeyLabel), Subkey(dataKey, IndexKeyLabel));
    }

    private static SecretBytes Subkey(SecretBytes dataKey, byte[] label)
    {
        var subkey = new SecretBytes(KeySize);
        Blake2b.Hash(label, subkey.AsSpan(), dataKey.Span);
        return subkey;
    }

    public void Dispose()
    {
        ValueKey.Dispose();
        IndexKey.Dispose();
    }

    public override string ToString() => Redacted.Text;
}
