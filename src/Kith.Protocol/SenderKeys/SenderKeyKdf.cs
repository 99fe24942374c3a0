using System.Buffers.Binary;
using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using ChaCha20Poly1305 = Kith.Crypto.ChaCha20Poly1305;

namespace Kith.Protocol.SenderKeys;

/// <summary>
/// The sender-key hash ratchet and message cipher. The chain step is Signal's sender-key KDF (libsignal
/// <c>SenderChainKey</c>): message key = HMAC-SHA-256(chain key, 0x01), next chain key =
/// HMAC-SHA-256(chain key, 0x02), the same construction as the Double Ratchet's KDF_CK (§5.2). The cipher key
/// and nonce come from the message key by HKDF-SHA-256, as the Double Ratchet's ENCRYPT (§5.2) does.
/// </summary>
internal static class SenderKeyKdf
{
    /// <summary>Size of chain keys and message keys.</summary>
    internal const int KeySize = 32;

    /// <summary>Size of a chain id.</summary>
    internal const int ChainIdSize = 32;

    private const int NonceSize = ChaCha20Poly1305.NonceSize;

    private static ReadOnlySpan<byte> MessageInfo => "Kith SenderKey message"u8;

    /// <summary>
    /// Derives the message key of <paramref name="chainKey"/>'s index and advances the chain key in place: the
    /// Double Ratchet's KDF_CK, which is exactly Signal's sender-key step, so both chains share one implementation.
    /// </summary>
    internal static void ChainStep(Span<byte> chainKey, Span<byte> messageKey) => Ratchet.RatchetKdf.ChainStep(chainKey, messageKey);

    /// <summary>
    /// Seals <paramref name="plaintext"/> under <paramref name="messageKey"/>. The AEAD's associated data is the
    /// chain id, the index and the caller's associated data, so a ciphertext is bound to its place in its chain.
    /// </summary>
    internal static byte[] Seal(ReadOnlySpan<byte> messageKey, ReadOnlySpan<byte> chainId, uint index,
        ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext)
    {
        // On the stack: callers bound the caller's part to Limits.SenderKeyMaxAssociatedDataSize (4 KiB), and every
        // event written seals once, so a heap array per message was garbage on the author's hot path.
        Span<byte> ad = stackalloc byte[BoundSize(associatedData)];
        BindAssociatedData(chainId, index, associatedData, ad);
        byte[] ciphertext = new byte[plaintext.Length + ChaCha20Poly1305.TagSize];
        Span<byte> keyAndNonce = stackalloc byte[KeySize + NonceSize];
        try
        {
            HkdfSha256.DeriveKey(messageKey, salt: default, MessageInfo, keyAndNonce);
            ChaCha20Poly1305.Encrypt(keyAndNonce[..KeySize], keyAndNonce[KeySize..], ad, plaintext, ciphertext);
            return ciphertext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyAndNonce);
        }
    }

    /// <summary>Opens a ciphertext sealed by <see cref="Seal"/>; null when it fails authentication.</summary>
    internal static byte[]? Open(ReadOnlySpan<byte> messageKey, ReadOnlySpan<byte> chainId, uint index,
        ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < ChaCha20Poly1305.TagSize)
        {
            return null;
        }

        Span<byte> ad = stackalloc byte[BoundSize(associatedData)];
        BindAssociatedData(chainId, index, associatedData, ad);
        byte[] plaintext = new byte[ciphertext.Length - ChaCha20Poly1305.TagSize];
        Span<byte> keyAndNonce = stackalloc byte[KeySize + NonceSize];
        try
        {
            HkdfSha256.DeriveKey(messageKey, salt: default, MessageInfo, keyAndNonce);
            return ChaCha20Poly1305.TryDecrypt(keyAndNonce[..KeySize], keyAndNonce[KeySize..], ad, ciphertext, plaintext) ? plaintext : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyAndNonce);
        }
    }

    private static int BoundSize(ReadOnlySpan<byte> associatedData) =>
        associatedData.Length <= Limits.SenderKeyMaxAssociatedDataSize
            ? ChainIdSize + 4 + associatedData.Length
            : throw new ArgumentException("The associated data is larger than Limits.SenderKeyMaxAssociatedDataSize.", nameof(associatedData));

    /// <summary>The AEAD's associated data: <c>chain id ‖ index (u32, big-endian) ‖ the caller's associated data</c>.</summary>
    private static void BindAssociatedData(ReadOnlySpan<byte> chainId, uint index, ReadOnlySpan<byte> associatedData, Span<byte> ad)
    {
        chainId.CopyTo(ad);
        BinaryPrimitives.WriteUInt32BigEndian(ad[ChainIdSize..], index);
        associatedData.CopyTo(ad[(ChainIdSize + 4)..]);
    }
}
