using System.Buffers.Binary;
using System.Text;
using Kith.Crypto;

namespace Kith.Storage.Keyring;

/// <summary>
/// The keyring record: the data key encrypted with XChaCha20-Poly1305 under a key derived from the
/// passphrase, with everything needed to derive that key again (format, KDF, costs, salt).
/// </summary>
internal sealed class WrappedDataKey
{
    /// <summary>Version of this record's layout and of the associated data below.</summary>
    public const int CurrentFormat = 1;

    public const int SaltSize = Argon2id.SaltSize;
    public const int NonceSize = XChaCha20Poly1305.NonceSize;
    public const int CiphertextSize = 32 + XChaCha20Poly1305.TagSize;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("kith.storage.keyring");

    public WrappedDataKey(int format, PassphraseKdf kdf, PassphraseKdfParameters parameters, byte[] salt, byte[] nonce, byte[] ciphertext)
    {
        Format = format;
        Kdf = kdf;
        Parameters = parameters;
        Salt = salt;
        Nonce = nonce;
        Ciphertext = ciphertext;
    }

    public int Format { get; }

    public PassphraseKdf Kdf { get; }

    public PassphraseKdfParameters Parameters { get; }

    public byte[] Salt { get; }

    public byte[] Nonce { get; }

    public byte[] Ciphertext { get; }

    /// <summary>Whether this version can unwrap the record, and its sizes and costs are within bounds.</summary>
    public bool IsSupported =>
        Format == CurrentFormat && Kdf == PassphraseKdf.Argon2id13 && Parameters.IsWithinBounds &&
        Salt.Length == SaltSize && Nonce.Length == NonceSize && Ciphertext.Length == CiphertextSize;

    /// <summary>
    /// Binds the wrap to its own derivation inputs: a record whose costs or salt were changed does not
    /// authenticate even if its ciphertext is intact.
    /// </summary>
    public byte[] AssociatedData()
    {
        byte[] ad = new byte[Label.Length + 4 + 4 + 4 + 4 + SaltSize];
        Span<byte> span = ad;
        Label.CopyTo(span);
        span = span[Label.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, Format);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], (int)Kdf);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], Parameters.Iterations);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], Parameters.MemoryKiB);
        Salt.CopyTo(span[16..]);
        return ad;
    }

    public override string ToString() => $"WrappedDataKey(format {Format}, {Kdf}, t={Parameters.Iterations}, m={Parameters.MemoryKiB} KiB)";
}
