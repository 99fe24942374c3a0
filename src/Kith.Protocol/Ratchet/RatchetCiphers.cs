using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// ENCRYPT/DECRYPT and HENCRYPT/HDECRYPT of Signal's "The Double Ratchet Algorithm" (§3.1, §4.2, §5.2).
/// </summary>
/// <remarks>
/// The body cipher is ChaCha20-Poly1305 under a key and nonce derived from the single-use message key,
/// with CONCAT(AD, enc_header) as associated data (§3.4, §4.5). The header cipher is XChaCha20-Poly1305
/// under a header key that seals every header of a chain (§4.2: the same hk is used repeatedly), so
/// its 24-byte nonce is drawn at random, large enough never to repeat; the version byte is its
/// associated data.
/// </remarks>
internal static class RatchetCiphers
{
    /// <summary>Most associated data the body cipher sees: the session AD and the message prefix.</summary>
    private const int MaxBodyAssociatedDataSize = Kith.Primitives.Limits.RatchetMaxAssociatedDataSize + RatchetMessage.PrefixSize;

    /// <summary>HENCRYPT(hk, header) into a message's slots.</summary>
    internal static void SealHeader(ReadOnlySpan<byte> headerKey, ReadOnlySpan<byte> headerNonce, ReadOnlySpan<byte> header, Span<byte> encryptedHeader) =>
        XChaCha20Poly1305.Encrypt(headerKey, headerNonce, VersionAd, header, encryptedHeader);

    /// <summary>HDECRYPT(hk, enc_header): <c>false</c> when the header was not sealed under <paramref name="headerKey"/>.</summary>
    internal static bool TryOpenHeader(ReadOnlySpan<byte> headerKey, in RatchetMessage message, Span<byte> header) =>
        XChaCha20Poly1305.TryDecrypt(headerKey, message.HeaderNonce, VersionAd, message.EncryptedHeader, header);

    /// <summary>ENCRYPT(mk, plaintext, CONCAT(AD, enc_header)).</summary>
    internal static void SealBody(ReadOnlySpan<byte> messageKey, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> prefix,
        ReadOnlySpan<byte> plaintext, Span<byte> body)
    {
        Span<byte> key = stackalloc byte[RatchetKdf.KeySize];
        Span<byte> nonce = stackalloc byte[RatchetKdf.MessageNonceSize];
        Span<byte> ad = stackalloc byte[MaxBodyAssociatedDataSize];
        try
        {
            RatchetKdf.DeriveMessageCipher(messageKey, key, nonce);
            Kith.Crypto.ChaCha20Poly1305.Encrypt(key, nonce, Concat(associatedData, prefix, ad), plaintext, body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>DECRYPT(mk, ciphertext, CONCAT(AD, enc_header)); on failure <paramref name="plaintext"/> is zeroed.</summary>
    internal static bool TryOpenBody(ReadOnlySpan<byte> messageKey, ReadOnlySpan<byte> associatedData, in RatchetMessage message, Span<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[RatchetKdf.KeySize];
        Span<byte> nonce = stackalloc byte[RatchetKdf.MessageNonceSize];
        Span<byte> ad = stackalloc byte[MaxBodyAssociatedDataSize];
        try
        {
            RatchetKdf.DeriveMessageCipher(messageKey, key, nonce);
            return Kith.Crypto.ChaCha20Poly1305.TryDecrypt(key, nonce, Concat(associatedData, message.AuthenticatedPrefix, ad), message.Body, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static ReadOnlySpan<byte> VersionAd => [RatchetMessage.CurrentVersion];

    private static ReadOnlySpan<byte> Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> buffer)
    {
        first.CopyTo(buffer);
        second.CopyTo(buffer[first.Length..]);
        return buffer[..(first.Length + second.Length)];
    }
}
