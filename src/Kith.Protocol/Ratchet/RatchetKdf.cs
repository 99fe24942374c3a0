using System.Security.Cryptography;
using Kith.Crypto;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// The Double Ratchet's KDFs with the recommended algorithms of Signal's "The Double Ratchet
/// Algorithm" §5.2, extended for header encryption (§4), plus the application-defined derivations §4
/// leaves open (the initial shared header keys) and the per-message cipher key and nonce.
/// </summary>
/// <remarks>All outputs go into caller-provided spans so that per-message work allocates nothing.</remarks>
internal static class RatchetKdf
{
    /// <summary>Size of every key the ratchet handles (RK, CK, MK, HK, DH keys).</summary>
    internal const int KeySize = 32;

    /// <summary>Size of the body cipher's nonce, derived from the message key.</summary>
    internal const int MessageNonceSize = Kith.Crypto.ChaCha20Poly1305.NonceSize;

    private static ReadOnlySpan<byte> RootInfo => "Kith DoubleRatchet root"u8;

    private static ReadOnlySpan<byte> MessageInfo => "Kith DoubleRatchet message"u8;

    private static ReadOnlySpan<byte> HeaderKeysInfo => "Kith DoubleRatchet header keys"u8;

    // KDF_CK's constant inputs (§5.2): 0x01 for the message key, 0x02 for the next chain key.
    private static ReadOnlySpan<byte> MessageKeyConstant => [0x01];

    private static ReadOnlySpan<byte> ChainKeyConstant => [0x02];

    /// <summary>
    /// The initial shared header keys of §4.4 (shared_hka, shared_nhkb), which §4 leaves to the
    /// application: HKDF-SHA-256 over the session's shared secret SK with a zero salt and Kith's own
    /// info string, so they are independent of SK's use as the first root key.
    /// </summary>
    internal static void DeriveInitialHeaderKeys(ReadOnlySpan<byte> sharedSecret, Span<byte> sharedHeaderKeyA, Span<byte> sharedNextHeaderKeyB)
    {
        Span<byte> output = stackalloc byte[2 * KeySize];
        try
        {
            HkdfSha256.DeriveKey(sharedSecret, salt: default, HeaderKeysInfo, output);
            output[..KeySize].CopyTo(sharedHeaderKeyA);
            output[KeySize..].CopyTo(sharedNextHeaderKeyB);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>
    /// KDF_RK_HE(rk, dh_out) (§4.2, §5.2): HKDF-SHA-256 with the root key as salt and the DH output as
    /// input key material, giving the next root key, a chain key and the next header key.
    /// <paramref name="rootKey"/> may alias <paramref name="nextRootKey"/>.
    /// </summary>
    internal static void RootStep(ReadOnlySpan<byte> rootKey, ReadOnlySpan<byte> dhOutput,
        Span<byte> nextRootKey, Span<byte> chainKey, Span<byte> nextHeaderKey)
    {
        Span<byte> output = stackalloc byte[3 * KeySize];
        try
        {
            HkdfSha256.DeriveKey(dhOutput, rootKey, RootInfo, output);
            output[..KeySize].CopyTo(nextRootKey);
            output.Slice(KeySize, KeySize).CopyTo(chainKey);
            output[(2 * KeySize)..].CopyTo(nextHeaderKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>
    /// KDF_CK(ck) (§5.2): HMAC-SHA-256 keyed by the chain key over 0x01 for the message key and over
    /// 0x02 for the next chain key, which overwrites <paramref name="chainKey"/> in place.
    /// </summary>
    internal static void ChainStep(Span<byte> chainKey, Span<byte> messageKey)
    {
        HkdfSha256.Hmac(chainKey, MessageKeyConstant, messageKey);
        Span<byte> next = stackalloc byte[KeySize];
        HkdfSha256.Hmac(chainKey, ChainKeyConstant, next);
        next.CopyTo(chainKey);
        CryptographicOperations.ZeroMemory(next);
    }

    /// <summary>
    /// The body cipher's key and nonce for ENCRYPT(mk, ...) (§5.2: HKDF-SHA-256 over mk with a zero
    /// salt and an application-specific info). A message key encrypts exactly one message, so a nonce
    /// derived from it never repeats under its key.
    /// </summary>
    internal static void DeriveMessageCipher(ReadOnlySpan<byte> messageKey, Span<byte> cipherKey, Span<byte> nonce)
    {
        Span<byte> output = stackalloc byte[KeySize + MessageNonceSize];
        try
        {
            HkdfSha256.DeriveKey(messageKey, salt: default, MessageInfo, output);
            output[..KeySize].CopyTo(cipherKey);
            output[KeySize..].CopyTo(nonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }
}
