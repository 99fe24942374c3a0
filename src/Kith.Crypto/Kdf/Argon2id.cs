using Kith.Crypto.Interop;

namespace Kith.Crypto;

/// <summary>
/// Argon2id version 1.3 (RFC 9106) through libsodium's <c>crypto_pwhash</c>, which fixes the
/// parallelism at 1 and takes no secret or associated data (RFC 9106 §3.1's K and X are empty).
/// Derives the key that wraps Kith's data key from a person's passphrase.
/// </summary>
public static unsafe class Argon2id
{
    /// <summary>Salt size libsodium requires (<c>crypto_pwhash_SALTBYTES</c>).</summary>
    public const int SaltSize = 16;

    /// <summary>Smallest accepted memory cost: libsodium's lower bound is 8 KiB.</summary>
    public const int MinMemoryKiB = 8;

    /// <summary>
    /// Derives <paramref name="output"/> from <paramref name="password"/>. <paramref name="iterations"/> is
    /// RFC 9106's t, <paramref name="memoryKiB"/> its m; parallelism p = 1. Returns <c>false</c> only when
    /// libsodium cannot allocate the memory.
    /// </summary>
    public static bool TryDeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, int memoryKiB, Span<byte> output)
    {
        X25519.CheckLength(salt, SaltSize, nameof(salt));
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKiB, MinMemoryKiB);
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, 16);
        Libsodium.EnsureInitialized();
        fixed (byte* o = output)
        fixed (byte* p = password)
        fixed (byte* s = salt)
        {
            return Libsodium.crypto_pwhash(o, (ulong)output.Length, p, (ulong)password.Length, s, (ulong)iterations,
                (nuint)memoryKiB * 1024, Libsodium.crypto_pwhash_ALG_ARGON2ID13) == 0;
        }
    }
}
