using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// XChaCha20-Poly1305 with a 192-bit nonce (draft-irtf-cfrg-xchacha-03 §2), libsodium's <c>crypto_aead_xchacha20poly1305_ietf</c>: values at rest, where nonces are random.
/// Ciphertexts are <c>plaintext.Length + TagSize</c> bytes, the tag last.
/// </summary>
public static unsafe class XChaCha20Poly1305
{
    /// <summary>Key size (draft-irtf-cfrg-xchacha-03 §2).</summary>
    public const int KeySize = AeadCore.KeySize;

    /// <summary>Nonce size (draft-irtf-cfrg-xchacha-03 §2).</summary>
    public const int NonceSize = 24;

    /// <summary>Tag size (draft-irtf-cfrg-xchacha-03 §2).</summary>
    public const int TagSize = AeadCore.TagSize;

    /// <summary>Encrypts; <paramref name="ciphertext"/> must be <c>plaintext.Length + TagSize</c> bytes.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> plaintext, Span<byte> ciphertext) =>
        AeadCore.Encrypt(&Libsodium.crypto_aead_xchacha20poly1305_ietf_encrypt, NonceSize, key, nonce, associatedData, plaintext, ciphertext);

    /// <summary>
    /// Decrypts and authenticates. Returns <c>false</c> on a bad tag or a wrong length, and then zeroes
    /// <paramref name="plaintext"/>, which must be <c>ciphertext.Length - TagSize</c> bytes.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, Span<byte> plaintext) =>
        AeadCore.TryDecrypt(&Libsodium.crypto_aead_xchacha20poly1305_ietf_decrypt, NonceSize, key, nonce, associatedData, ciphertext, plaintext);
}
