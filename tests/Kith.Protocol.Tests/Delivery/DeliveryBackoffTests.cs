using CsCheck;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Delivery;

namespace Kith.Protocol.Tests.Delivery;

public sealed class DeliveryBackoffTests
{
    [Fact]
    public void The_ceiling_doubles_from_the_base_up_to_the_cap_and_stays_there()
    {
        Assert.Equal(Limits.DeliveryBackoffBaseMs, DeliveryBackoff.CeilingMs(1));
        Assert.Equal(2 * Limits.DeliveryBackoffBaseMs, DeliveryBackoff.CeilingMs(2));
        Assert.Equal(8 * Limits.DeliveryBackoffBaseMs, DeliveryBackoff.CeilingMs(4));
        Assert.Equal(Limits.DeliveryBackoffCapMs, DeliveryBackoff.CeilingMs(30));
        Assert.Equal(Limits.DeliveryBackoffCapMs, DeliveryBackoff.CeilingMs(int.MaxValue));
    }

    [Fact]
    public void Every_delay_lies_between_half_the_ceiling_and_the_ceiling()
    {
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.ULong).Sample((attempts, seed) =>
        {
            long delay = DeliveryBackoff.DelayMs(attempts, new SeededRandomSource(seed));
            long ceiling = DeliveryBackoff.CeilingMs(attempts);
            return delay >= ceiling - (ceiling / 2) && delay <= ceiling;
        });
    }

    [Fact]
    public void The_jitter_spreads_devices_that_lost_the_same_peer()
    {
        var delays = Enumerable.Range(0, 50).Select(seed => DeliveryBackoff.DelayMs(10, new SeededRandomSource((ulong)seed))).ToHashSet();
        Assert.True(delays.Count > 40);
        Assert.True(delays.Max() - delays.Min() > Limits.DeliveryBackoffCapMs / 4);
    }

    [Fact]
    public void Zero_attempts_is_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryBackoff.DelayMs(0, new SeededRandomSource(1)));
    }
}
