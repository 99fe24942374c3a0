using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// X25519 Diffie-Hellman (RFC 7748 §5, §6.1) on spans, through libsodium's <c>crypto_scalarmult</c>.
/// Private keys are 32 random bytes (clamped inside the scalar multiplication); public keys and
/// shared secrets are 32 bytes.
/// </summary>
public static unsafe class X25519
{
    /// <summary>Private key size (RFC 7748 §5).</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Public key size (RFC 7748 §5).</summary>
    public const int PublicKeySize = 32;

    /// <summary>Shared secret size (RFC 7748 §6.1).</summary>
    public const int SharedSecretSize = 32;

    /// <summary>Computes the public key <c>X25519(k, 9)</c> of <paramref name="privateKey"/>.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        CheckLength(privateKey, PrivateKeySize, nameof(privateKey));
        CheckLength(publicKey, PublicKeySize, nameof(publicKey));
        Libsodium.EnsureInitialized();
        fixed (byte* q = publicKey)
        fixed (byte* n = privateKey)
        {
            _ = Libsodium.crypto_scalarmult_curve25519_base(q, n);
        }
    }

    /// <summary>
    /// Computes <c>X25519(privateKey, publicKey)</c>. Returns <c>false</c> (and zeroes the output) when the
    /// result is all zeros, i.e. the peer sent a low-order point: RFC 7748 §6.1 lets a protocol abort then,
    /// and Kith always does, so a malicious peer cannot force a known shared secret.
    /// </summary>
    public static bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedSecret)
    {
        CheckLength(privateKey, PrivateKeySize, nameof(privateKey));
        CheckLength(sharedSecret, SharedSecretSize, nameof(sharedSecret));
        if (publicKey.Length != PublicKeySize)
        {
            sharedSecret.Clear();
            return false;
        }

        Libsodium.EnsureInitialized();
        fixed (byte* q = sharedSecret)
        fixed (byte* n = privateKey)
        fixed (byte* p = publicKey)
        {
            // libsodium returns -1 exactly when the output is all zeros.
            if (Libsodium.crypto_scalarmult_curve25519(q, n, p) != 0)
            {
                sharedSecret.Clear();
                return false;
            }
        }

        return true;
    }

    internal static void CheckLength(ReadOnlySpan<byte> span, int expected, string name)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {span.Length}.", name);
        }
    }
}
