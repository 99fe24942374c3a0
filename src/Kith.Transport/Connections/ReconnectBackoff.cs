using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Primitives;

namespace Kith.Transport.Connections;

/// <summary>
/// Delays between reconnection attempts: capped exponential backoff with "equal jitter" (AWS Architecture Blog,
/// "Exponential Backoff And Jitter", 2015): the ceiling doubles per failure from <see cref="Limits.LinkBackoffBaseMs"/>
/// up to <see cref="Limits.LinkBackoffMaxMs"/>, and the delay is drawn uniformly from its upper half. The jitter keeps
/// many devices that lost the same peer from retrying in lockstep; the fixed lower half keeps any one of them from
/// retrying at once. Sans-IO: the random source is injected, so a schedule replays from its seed.
/// </summary>
public static class ReconnectBackoff
{
    /// <summary>Largest shift before the ceiling is certainly capped (2^30 s exceeds any cap).</summary>
    private const int MaxDoublings = 30;

    /// <summary>The ceiling after <paramref name="failures"/> consecutive failures (0 for the first retry).</summary>
    public static long CeilingMs(int failures, long baseMs = Limits.LinkBackoffBaseMs, long maxMs = Limits.LinkBackoffMaxMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        return failures >= MaxDoublings ? maxMs : Math.Min(maxMs, baseMs << failures);
    }

    /// <summary>The delay before the next attempt, in [ceiling/2, ceiling].</summary>
    /// <param name="failures">Consecutive failures so far (0 for the first retry).</param>
    /// <param name="random">Jitter source.</param>
    /// <param name="baseMs">First ceiling.</param>
    /// <param name="maxMs">Largest ceiling.</param>
    public static long DelayMs(int failures, IRandomSource random, long baseMs = Limits.LinkBackoffBaseMs, long maxMs = Limits.LinkBackoffMaxMs)
    {
        ArgumentNullException.ThrowIfNull(random);
        long ceiling = CeilingMs(failures, baseMs, maxMs);
        long half = ceiling / 2;
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        random.Fill(bytes);
        // Modulo bias is below 2^-40 for these ranges: irrelevant for jitter.
        ulong draw = BinaryPrimitives.ReadUInt64LittleEndian(bytes) % checked((ulong)(ceiling - half + 1));
        return half + (long)draw;
    }
}
