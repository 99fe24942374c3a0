using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// ChaCha20-Poly1305 with a 96-bit nonce (RFC 8439 §2.8), libsodium's <c>crypto_aead_chacha20poly1305_ietf</c>: the Noise and Double Ratchet cipher, where nonces are counters.
/// Ciphertexts are <c>plaintext.Length + TagSize</c> bytes, the tag last.
/// </summary>
public static unsafe class ChaCha20Poly1305
{
    /// <summary>Key size (RFC 8439 §2.8).</summary>
    public const int KeySize = AeadCore.KeySize;

    /// <summary>Nonce size (RFC 8439 §2.8).</summary>
    public const int NonceSize = 12;

    /// <summary>Tag size (RFC 8439 §2.8).</summary>
    public const int TagSize = AeadCore.TagSize;

    /// <summary>Encrypts; <paramref name="ciphertext"/> must be <c>plaintext.Length + TagSize</c> bytes.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> plaintext, Span<byte> ciphertext) =>
        AeadCore.Encrypt(&Libsodium.crypto_aead_chacha20poly1305_ietf_encrypt, NonceSize, key, nonce, associatedData, plaintext, ciphertext);

    /// <summary>
    /// Decrypts and authenticates. Returns <c>false</c> on a bad tag or a wrong length, and then zeroes
    /// <paramref name="plaintext"/>, which must be <c>ciphertext.Length - TagSize</c> bytes.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, Span<byte> plaintext) =>
        AeadCore.TryDecrypt(&Libsodium.crypto_aead_chacha20poly1305_ietf_decrypt, NonceSize, key, nonce, associatedData, ciphertext, plaintext);
}
