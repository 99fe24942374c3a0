using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// Ed25519 signatures (RFC 8032 §5.1) on spans, through libsodium. Used for keys that are many and
/// short-lived (sender-chain signing keys) and for every verification; long-lived identity keys use
/// <see cref="Ed25519SigningKey"/>, which keeps its secret in an NSec key.
/// </summary>
public static unsafe class Ed25519
{
    /// <summary>Seed (private key) size, RFC 8032 §5.1.5.</summary>
    public const int SeedSize = 32;

    /// <summary>Public key size, RFC 8032 §5.1.5.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Signature size, RFC 8032 §5.1.6.</summary>
    public const int SignatureSize = 64;

    /// <summary>Computes the public key of a seed.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        X25519.CheckLength(seed, SeedSize, nameof(seed));
        X25519.CheckLength(publicKey, PublicKeySize, nameof(publicKey));
        using var expanded = new SecretBytes(64);
        Expand(seed, publicKey, expanded.AsSpan());
    }

    /// <summary>Signs <paramref name="message"/> with the key derived from <paramref name="seed"/>.</summary>
    public static void Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        X25519.CheckLength(seed, SeedSize, nameof(seed));
        X25519.CheckLength(signature, SignatureSize, nameof(signature));
        Span<byte> publicKey = stackalloc byte[PublicKeySize];
        using var expanded = new SecretBytes(64);
        Expand(seed, publicKey, expanded.AsSpan());
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = expanded.AsSpan())
        {
            _ = Libsodium.crypto_sign_ed25519_detached(sig, null, m, (ulong)message.Length, sk);
        }
    }

    /// <summary>
    /// Verifies a signature. Any length mismatch is a <c>false</c>, not an exception: inputs here come
    /// from peers. libsodium rejects non-canonical encodings and small-order public keys.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        Libsodium.EnsureInitialized();
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return Libsodium.crypto_sign_ed25519_verify_detached(sig, m, (ulong)message.Length, pk) == 0;
        }
    }

    private static void Expand(ReadOnlySpan<byte> seed, Span<byte> publicKey, Span<byte> secretKey)
    {
        Libsodium.EnsureInitialized();
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secretKey)
        fixed (byte* s = seed)
        {
            _ = Libsodium.crypto_sign_ed25519_seed_keypair(pk, sk, s);
        }
    }
}
