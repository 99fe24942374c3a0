using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// The shared body of the two libsodium AEADs, which differ only in nonce size and native entry
/// points: length checks, pinning, and zeroing the output when authentication fails.
/// </summary>
internal static unsafe class AeadCore
{
    internal const int KeySize = 32;
    internal const int TagSize = 16;

    internal static void Encrypt(
        delegate*<byte*, ulong*, byte*, ulong, byte*, ulong, byte*, byte*, byte*, int> encrypt, int nonceSize,
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        X25519.CheckLength(key, KeySize, nameof(key));
        X25519.CheckLength(nonce, nonceSize, nameof(nonce));
        X25519.CheckLength(ciphertext, plaintext.Length + TagSize, nameof(ciphertext));
        Libsodium.EnsureInitialized();
        fixed (byte* c = ciphertext)
        fixed (byte* m = plaintext)
        fixed (byte* ad = associatedData)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            _ = encrypt(c, null, m, (ulong)plaintext.Length, ad, (ulong)associatedData.Length, null, n, k);
        }
    }

    internal static bool TryDecrypt(
        delegate*<byte*, ulong*, byte*, byte*, ulong, byte*, ulong, byte*, byte*, int> decrypt, int nonceSize,
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        X25519.CheckLength(key, KeySize, nameof(key));
        if (nonce.Length != nonceSize || ciphertext.Length < TagSize || plaintext.Length != ciphertext.Length - TagSize)
        {
            plaintext.Clear();
            return false;
        }

        Libsodium.EnsureInitialized();
        fixed (byte* m = plaintext)
        fixed (byte* c = ciphertext)
        fixed (byte* ad = associatedData)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (decrypt(m, null, null, c, (ulong)ciphertext.Length, ad, (ulong)associatedData.Length, n, k) != 0)
            {
                plaintext.Clear();
                return false;
            }
        }

        return true;
    }
}
