using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Primitives;

namespace Kith.Protocol.Delivery;

/// <summary>
/// When an unacknowledged item is sent again: capped exponential backoff with "equal jitter" (Brooker,
/// "Exponential Backoff And Jitter", AWS Architecture Blog, 2015). The n-th resend waits
/// <c>d/2 + uniform[0, d/2]</c> with <c>d = min(cap, base * 2^(n-1))</c>: half of each delay is random so many
/// devices that lost the same peer do not resend in lockstep, and the other half keeps a floor so a flapping
/// link is not hammered. It never gives up: after the cap (<see cref="Limits.DeliveryBackoffCapMs"/>, 10 min)
/// every attempt waits 5 to 10 minutes, forever; a reconnect flushes at once regardless.
/// </summary>
public static class DeliveryBackoff
{
    /// <summary>The delay before the next attempt of an item already sent <paramref name="attempts"/> times (at least 1).</summary>
    public static long DelayMs(int attempts, IRandomSource random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentNullException.ThrowIfNull(random);
        long ceiling = CeilingMs(attempts);
        long half = ceiling / 2;
        Span<byte> draw = stackalloc byte[sizeof(ulong)];
        random.Fill(draw);

        // Modulo bias is at most 2^-44 here (half is under 2^19 ms), far below anything observable.
        long jitter = (long)(BinaryPrimitives.ReadUInt64BigEndian(draw) % (ulong)(half + 1));
        return ceiling - half + jitter;
    }

    /// <summary><c>min(cap, base * 2^(attempts-1))</c>: the largest delay the <paramref name="attempts"/>-th attempt can wait.</summary>
    public static long CeilingMs(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);

        // Doubling past the cap is pointless and would overflow; 2^20 * base is far beyond it.
        int doublings = Math.Min(attempts - 1, 20);
        return Math.Min(Limits.DeliveryBackoffCapMs, Limits.DeliveryBackoffBaseMs << doublings);
    }
}
