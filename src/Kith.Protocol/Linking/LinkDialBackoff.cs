using Kith.Primitives;

namespace Kith.Protocol.Linking;

/// <summary>
/// When the existing device dials the new device again after a failed dial (docs/ACCOUNTS.md, "Linking a device"):
/// capped exponential backoff (<see cref="Limits.LinkDialFirstRetryMs"/> doubling to
/// <see cref="Limits.LinkDialMaxRetryMs"/>) until the code expires. Unlike <c>DeliveryBackoff</c> there is no
/// jitter: exactly one device dials one code, so there is no crowd to spread out.
/// </summary>
public static class LinkDialBackoff
{
    /// <summary>
    /// The wait before the next dial after <paramref name="failedDials"/> failed ones (at least 1), or null when
    /// the code expires before another dial could be made: the last wait ends just before the expiry, so the
    /// code's whole lifetime is used.
    /// </summary>
    public static long? DelayMs(int failedDials, long nowUnixMs, long expiresAtUnixMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedDials, 1);
        long left = expiresAtUnixMs - nowUnixMs - 1;
        if (left <= 0)
        {
            return null;
        }

        // Doubling past the cap is pointless and would overflow; 2^20 seconds is far beyond it.
        int doublings = Math.Min(failedDials - 1, 20);
        return Math.Min(left, Math.Min(Limits.LinkDialMaxRetryMs, Limits.LinkDialFirstRetryMs << doublings));
    }
}
