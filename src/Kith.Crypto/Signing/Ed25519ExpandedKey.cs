using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// An Ed25519 seed expanded once into libsodium's 64-byte secret key (<c>seed ‖ public key</c>, from
/// <c>crypto_sign_ed25519_seed_keypair</c>), for a key that signs many messages in a row (a sender chain signs
/// every event it seals). <see cref="Ed25519.Sign"/> takes the seed and derives the public key again on every
/// call, a second fixed-base scalar multiplication as costly as the signature itself; this type pays it once.
/// </summary>
/// <remarks>
/// The public half is derived here from the seed and never taken from outside: libsodium's signer hashes the
/// public key it is given into every signature (RFC 8032 §5.1.6 step 2), and signing with a mismatched one
/// would leak the secret scalar. The signatures are the RFC 8032 ones, byte for byte the same as
/// <see cref="Ed25519.Sign"/>'s. The secret sits in a pinned <see cref="SecretBytes"/>, zeroed on
/// <see cref="Dispose"/>.
/// </remarks>
public sealed unsafe class Ed25519ExpandedKey : IDisposable
{
    private const int SecretKeySize = Ed25519.SeedSize + Ed25519.PublicKeySize;

    private readonly SecretBytes _secretKey;

    private Ed25519ExpandedKey(SecretBytes secretKey) => _secretKey = secretKey;

    /// <summary>The 32-byte public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _secretKey.Span[Ed25519.SeedSize..];

    /// <summary>Expands <paramref name="seed"/> (one scalar multiplication); the caller keeps the seed.</summary>
    public static Ed25519ExpandedKey FromSeed(ReadOnlySpan<byte> seed)
    {
        X25519.CheckLength(seed, Ed25519.SeedSize, nameof(seed));
        Libsodium.EnsureInitialized();
        var secretKey = new SecretBytes(SecretKeySize);
        Span<byte> publicKey = stackalloc byte[Ed25519.PublicKeySize];
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secretKey.AsSpan())
        fixed (byte* s = seed)
        {
            _ = Libsodium.crypto_sign_ed25519_seed_keypair(pk, sk, s);
        }

        return new Ed25519ExpandedKey(secretKey);
    }

    /// <summary>A copy of the seed (RFC 8032 private key) for the owner's encrypted storage. The caller disposes it.</summary>
    public SecretBytes ExportSeed() => SecretBytes.CopyFrom(_secretKey.Span[..Ed25519.SeedSize]);

    /// <summary>Signs <paramref name="message"/> into the 64-byte <paramref name="signature"/>.</summary>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        X25519.CheckLength(signature, Ed25519.SignatureSize, nameof(signature));
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = _secretKey.AsSpan())
        {
            _ = Libsodium.crypto_sign_ed25519_detached(sig, null, m, (ulong)message.Length, sk);
        }
    }

    /// <summary>Zeroes the secret key.</summary>
    public void Dispose() => _secretKey.Dispose();

    /// <summary>Never prints the key.</summary>
    public override string ToString() => Redacted.Text;
}
