using Kith.Primitives;
using Kith.Protocol.Linking;

namespace Kith.Protocol.Tests.Linking;

public sealed class LinkDialBackoffTests
{
    private const long Expiry = 1_700_000_600_000;

    [Fact]
    public void The_wait_doubles_from_the_first_retry_up_to_the_cap()
    {
        long now = Expiry - Limits.LinkCodeLifetimeMs;
        long[] waits = [.. Enumerable.Range(1, 8).Select(failed => LinkDialBackoff.DelayMs(failed, now, Expiry)!.Value)];

        Assert.Equal([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000], waits);
        Assert.Equal(Limits.LinkDialMaxRetryMs, LinkDialBackoff.DelayMs(int.MaxValue, now, Expiry));
    }

    [Fact]
    public void Dials_go_on_until_the_code_expires_and_stop_then()
    {
        long now = Expiry - Limits.LinkCodeLifetimeMs;
        int dials = 1;
        while (LinkDialBackoff.DelayMs(dials, now, Expiry) is { } wait)
        {
            Assert.InRange(wait, 1, Limits.LinkDialMaxRetryMs);
            now += wait;
            dials++;
        }

        // The last dial is made just before the expiry, and about two dozen are made over the code's lifetime.
        Assert.Equal(Expiry - 1, now);
        Assert.InRange(dials, 20, 30);
        Assert.Null(LinkDialBackoff.DelayMs(1, Expiry, Expiry));
        Assert.Null(LinkDialBackoff.DelayMs(1, Expiry + 5, Expiry));
    }
}
