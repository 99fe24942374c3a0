using System.Runtime.InteropServices;

namespace Kith.Crypto.Interop;

/// <summary>
/// The thin P/Invoke layer over the native libsodium that NSec loads (the <c>libsodium</c> package,
/// 1.0.22). Span-based work goes through here so that per-message and per-peer secrets never become
/// NSec <c>Key</c> objects (each costs ~26 µs and ~10 KiB, and ~16k live ones abort the process).
/// Callers check every length before calling: these functions trust their arguments.
/// </summary>
internal static unsafe partial class Libsodium
{
    private const string Library = "libsodium";

    static Libsodium()
    {
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium could not be initialised.");
        }
    }

    /// <summary>Touching this runs the static constructor, so <c>sodium_init</c> has run before any call.</summary>
    internal static void EnsureInitialized()
    {
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_curve25519(byte* q, byte* n, byte* p);

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_curve25519_base(byte* q, byte* n);

    [LibraryImport(Library)]
    internal static partial int crypto_sign_ed25519_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Library)]
    internal static partial int crypto_sign_ed25519_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [LibraryImport(Library)]
    internal static partial int crypto_sign_ed25519_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Library)]
    internal static partial int crypto_aead_chacha20poly1305_ietf_encrypt(
        byte* c, ulong* clen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Library)]
    internal static partial int crypto_aead_chacha20poly1305_ietf_decrypt(
        byte* m, ulong* mlen, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);

    [LibraryImport(Library)]
    internal static partial int crypto_aead_xchacha20poly1305_ietf_encrypt(
        byte* c, ulong* clen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Library)]
    internal static partial int crypto_aead_xchacha20poly1305_ietf_decrypt(
        byte* m, ulong* mlen, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);

    [LibraryImport(Library)]
    internal static partial int crypto_generichash_blake2b(byte* @out, nuint outlen, byte* @in, ulong inlen, byte* key, nuint keylen);

    [LibraryImport(Library)]
    internal static partial int crypto_generichash_blake2b_init(byte* state, byte* key, nuint keylen, nuint outlen);

    [LibraryImport(Library)]
    internal static partial int crypto_generichash_blake2b_update(byte* state, byte* @in, ulong inlen);

    [LibraryImport(Library)]
    internal static partial int crypto_generichash_blake2b_final(byte* state, byte* @out, nuint outlen);

    [LibraryImport(Library)]
    internal static partial nuint crypto_generichash_blake2b_statebytes();

    [LibraryImport(Library)]
    internal static partial int crypto_pwhash(
        byte* @out, ulong outlen, byte* passwd, ulong passwdlen, byte* salt, ulong opslimit, nuint memlimit, int alg);

    [LibraryImport(Library)]
    internal static partial int crypto_stream_chacha20_ietf(byte* c, ulong clen, byte* n, byte* k);

    [LibraryImport(Library)]
    internal static partial int crypto_auth_hmacsha256_init(byte* state, byte* key, nuint keylen);

    [LibraryImport(Library)]
    internal static partial int crypto_auth_hmacsha256_update(byte* state, byte* @in, ulong inlen);

    [LibraryImport(Library)]
    internal static partial int crypto_auth_hmacsha256_final(byte* state, byte* @out);

    [LibraryImport(Library)]
    internal static partial nuint crypto_auth_hmacsha256_statebytes();

    [LibraryImport(Library)]
    internal static partial int crypto_kdf_hkdf_sha256_extract(byte* prk, byte* salt, nuint saltlen, byte* ikm, nuint ikmlen);

    [LibraryImport(Library)]
    internal static partial int crypto_kdf_hkdf_sha256_expand(byte* @out, nuint outlen, byte* ctx, nuint ctxlen, byte* prk);

    internal const int crypto_pwhash_ALG_ARGON2ID13 = 2;
}
