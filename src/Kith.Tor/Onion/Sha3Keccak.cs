using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Kith.Tor.Onion;

/// <summary>
/// SHA3-256 (FIPS 202 §6.1) for onion-address checksums. .NET's <see cref="SHA3_256"/> is used where the platform
/// provides it (OpenSSL 1.1.1+, Windows 11 build 25324+); elsewhere (macOS) this file's Keccak-f[1600]
/// (FIPS 202 §3.3, §3.4) computes it. Only public data is hashed, so the portable path need not be constant-time.
/// </summary>
internal static class Sha3Keccak
{
    /// <summary>Bytes of a SHA3-256 digest.</summary>
    public const int HashSize = 32;

    // SHA3-256's rate: 1600 - 2·256 bits (FIPS 202 §6.1).
    private const int RateBytes = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // ρ offsets for lane (x, y) at index x + 5y (FIPS 202 §3.2.2, Table 2).
    private static readonly int[] RotationOffsets =
    [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ];

    /// <summary>SHA3-256 of <paramref name="data"/>, by the platform when it can.</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (SHA3_256.IsSupported)
        {
            SHA3_256.HashData(data, hash);
        }
        else
        {
            PortableHashData(data, hash);
        }
    }

    /// <summary>SHA3-256 of <paramref name="data"/> computed by this file's Keccak (exposed for tests).</summary>
    public static void PortableHashData(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException("A SHA3-256 hash is 32 bytes.", nameof(hash));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= RateBytes)
        {
            Absorb(state, data[..RateBytes]);
            data = data[RateBytes..];
        }

        // pad10*1 with SHA-3's domain bits 01 (FIPS 202 §6.1, Appendix B.2): 0x06 ... 0x80.
        Span<byte> last = stackalloc byte[RateBytes];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x06;
        last[RateBytes - 1] ^= 0x80;
        Absorb(state, last);

        for (var i = 0; i < HashSize / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(hash[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateBytes / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        Permute(state);
    }

    // Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι (FIPS 202 §3.3).
    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (var round = 0; round < 24; round++)
        {
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[x + y] ^= d;
                }
            }

            // ρ and π: B[y, 2x + 3y] = rot(A[x, y], r[x, y]).
            for (var x = 0; x < 5; x++)
            {
                for (var y = 0; y < 5; y++)
                {
                    b[y + (5 * (((2 * x) + (3 * y)) % 5))] = BitOperations.RotateLeft(a[x + (5 * y)], RotationOffsets[x + (5 * y)]);
                }
            }

            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    a[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & b[((x + 2) % 5) + y]);
                }
            }

            a[0] ^= RoundConstants[round];
        }
    }
}
