using CsCheck;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Transport.Connections;

namespace Kith.Transport.Tests.Connections;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Ceilings_double_from_the_base_up_to_the_cap()
    {
        long[] ceilings = Enumerable.Range(0, 12).Select(f => ReconnectBackoff.CeilingMs(f)).ToArray();
        Assert.Equal([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000, 600_000], ceilings);
        Assert.Equal(Limits.LinkBackoffMaxMs, ReconnectBackoff.CeilingMs(int.MaxValue));
    }

    [Fact]
    public void Every_delay_lies_in_the_upper_half_of_its_ceiling()
    {
        Gen.Select(Gen.Int[0, 100], Gen.ULong).Sample((failures, seed) =>
        {
            long delay = ReconnectBackoff.DelayMs(failures, new SeededRandomSource(seed));
            long ceiling = ReconnectBackoff.CeilingMs(failures);
            return delay >= ceiling / 2 && delay <= ceiling;
        });
    }

    [Fact]
    public void The_schedule_replays_from_its_seed_and_is_jittered()
    {
        long[] Schedule(ulong seed)
        {
            var random = new SeededRandomSource(seed);
            return Enumerable.Range(0, 10).Select(f => ReconnectBackoff.DelayMs(f, random)).ToArray();
        }

        Assert.Equal(Schedule(7), Schedule(7));
        Assert.NotEqual(Schedule(7), Schedule(8));
    }
}
