using System.Buffers.Binary;
using System.Text;
using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Storage.Encryption;

/// <summary>
/// Encrypts every value Kith stores (message bodies, keys, names, state blobs) with XChaCha20-Poly1305
/// (draft-irtf-cfrg-xchacha-03) under the data key's value subkey. Nonces are random: 192 bits make
/// collisions negligible for any number of values one store will ever hold. They are drawn ahead in blocks
/// (<see cref="NoncePool"/>): one call to the system generator per value cost as much as the encryption.
/// </summary>
/// <remarks>
/// A stored value is <c>version (1) || nonce (24) || ciphertext || tag (16)</c>. The associated data binds
/// the version, table, column and row key, so a ciphertext copied into another row, column or table does
/// not decrypt. Plaintext lengths are not hidden (no padding yet).
/// <para>
/// One key for every value, no key derived per row or column: the place is bound by the AEAD's associated data,
/// which Poly1305 authenticates as strongly as a separate key would separate (RFC 8439 §2.8), and a random
/// 192-bit nonce never repeats under one key in practice (draft-irtf-cfrg-xchacha-03 §3.1: random nonces are
/// safe for XChaCha20). A key per row would cost a derivation for every value read or written and add nothing.
/// </para>
/// </remarks>
public sealed class ValueCipher
{
    /// <summary>The format version, the first byte of every stored value.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Bytes a stored value adds to its plaintext: version, nonce and tag.</summary>
    public const int Overhead = 1 + XChaCha20Poly1305.NonceSize + XChaCha20Poly1305.TagSize;

    private const int NonceOffset = 1;
    private const int CiphertextOffset = NonceOffset + XChaCha20Poly1305.NonceSize;

    // Associated data is a table and column name and a row key of ids; a longer one goes to the heap.
    private const int StackLimit = 256;

    private readonly SecretBytes _key;
    private readonly NoncePool _nonces;

    internal ValueCipher(SecretBytes key, IRandomSource random)
    {
        _key = key;
        _nonces = new NoncePool(random);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="column"/> of the row identified by <paramref name="rowKey"/>.</summary>
    public byte[] Encrypt(ValueColumn column, ReadOnlySpan<byte> rowKey, ReadOnlySpan<byte> plaintext)
    {
        byte[] stored = new byte[checked(plaintext.Length + Overhead)];
        stored[0] = FormatVersion;
        Span<byte> nonce = stored.AsSpan(NonceOffset, XChaCha20Poly1305.NonceSize);
        _nonces.Fill(nonce);
        int adSize = AssociatedDataSize(column, rowKey);
        Span<byte> ad = adSize <= StackLimit ? stackalloc byte[StackLimit] : new byte[adSize];
        XChaCha20Poly1305.Encrypt(_key.Span, nonce, AssociatedData(FormatVersion, column, rowKey, ad), plaintext, stored.AsSpan(CiphertextOffset));
        return stored;
    }

    /// <summary>Encrypts the UTF-8 encoding of <paramref name="text"/> (names, message bodies).</summary>
    public byte[] EncryptText(ValueColumn column, ReadOnlySpan<byte> rowKey, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encrypt(column, rowKey, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Decrypts a value read from <paramref name="column"/> of the row <paramref name="rowKey"/>; fails with
    /// <see cref="StorageErrors.CorruptValue"/> when it was altered, truncated or belongs to another place.
    /// </summary>
    public Result<byte[]> Decrypt(ValueColumn column, ReadOnlySpan<byte> rowKey, ReadOnlySpan<byte> stored)
    {
        if (stored.Length < Overhead || stored[0] != FormatVersion)
        {
            return StorageErrors.CorruptValue;
        }

        byte[] plaintext = new byte[stored.Length - Overhead];
        int adSize = AssociatedDataSize(column, rowKey);
        Span<byte> ad = adSize <= StackLimit ? stackalloc byte[StackLimit] : new byte[adSize];
        return XChaCha20Poly1305.TryDecrypt(_key.Span, stored.Slice(NonceOffset, XChaCha20Poly1305.NonceSize),
            AssociatedData(stored[0], column, rowKey, ad), stored[CiphertextOffset..], plaintext)
            ? plaintext
            : StorageErrors.CorruptValue;
    }

    /// <summary>Decrypts a value written by <see cref="EncryptText"/>.</summary>
    public Result<string> DecryptText(ValueColumn column, ReadOnlySpan<byte> rowKey, ReadOnlySpan<byte> stored) =>
        Decrypt(column, rowKey, stored).Map(Encoding.UTF8.GetString);

    /// <summary>
    /// Writes <c>version || u16 len || table || u16 len || column || u32 len || rowKey</c> into
    /// <paramref name="buffer"/> (length prefixes keep the parts unambiguous) and returns the written part.
    /// </summary>
    private static ReadOnlySpan<byte> AssociatedData(byte version, ValueColumn column, ReadOnlySpan<byte> rowKey, Span<byte> buffer)
    {
        Span<byte> span = buffer;
        span[0] = version;
        span = span[1..];
        int tableLength = Encoding.UTF8.GetBytes(column.Table, span[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)tableLength));
        span = span[(2 + tableLength)..];
        int columnLength = Encoding.UTF8.GetBytes(column.Column, span[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)columnLength));
        span = span[(2 + columnLength)..];
        BinaryPrimitives.WriteUInt32BigEndian(span, checked((uint)rowKey.Length));
        rowKey.CopyTo(span[4..]);
        return buffer[..(buffer.Length - span.Length + 4 + rowKey.Length)];
    }

    /// <summary>The size of <see cref="AssociatedData"/>'s output.</summary>
    private static int AssociatedDataSize(ValueColumn column, ReadOnlySpan<byte> rowKey) =>
        checked(1 + 2 + Encoding.UTF8.GetByteCount(column.Table) + 2 + Encoding.UTF8.GetByteCount(column.Column) + 4 + rowKey.Length);

    /// <summary>Never prints the key.</summary>
    public override string ToString() => nameof(ValueCipher);
}
