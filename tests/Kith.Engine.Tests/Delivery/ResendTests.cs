using Kith.Engine.Tests.Support;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Wire.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>Issue 5: "unacknowledged events are resent with backoff ... forever".</summary>
public sealed class ResendTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly LinkNetwork _network;
    private readonly Node _alice;
    private readonly Node _bob;

    public ResendTests()
    {
        _network = new LinkNetwork(_time);
        _alice = new Node(1, _network, _time);
        _bob = new Node(2, _network, _time);
    }

    private List<long> DeliverTimes(DeviceId from, DeviceId to, EventId item) =>
        [.. _network.Sent.Where(s => s.From == from && s.To == to)
            .Where(s => LinkFrame.Decode(s.Frame).Value is DeliverFrame d && d.Id == item).Select(s => s.AtUnixMs)];

    private void Run(TimeSpan total, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            _time.Advance(step);
            _network.Pump();
        }
    }

    [Fact]
    public void A_lost_item_is_resent_with_growing_jittered_delays_until_it_is_acknowledged()
    {
        _network.Connect(_alice.Id, _bob.Id);
        _network.DropRate = 1;
        EventId item = Node.Item(1);
        _alice.Send(item, _bob);
        Run(TimeSpan.FromMinutes(20), TimeSpan.FromMilliseconds(250));

        List<long> sends = DeliverTimes(_alice.Id, _bob.Id, item);
        Assert.True(sends.Count >= 8, $"{sends.Count} attempts");
        for (int attempt = 1; attempt < sends.Count; attempt++)
        {
            long gap = sends[attempt] - sends[attempt - 1];
            long ceiling = DeliveryBackoff.CeilingMs(attempt);
            Assert.InRange(gap, ceiling / 2, ceiling + 250);
        }

        Assert.Equal(0, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        _network.DropRate = 0;
        Run(TimeSpan.FromMinutes(11), TimeSpan.FromSeconds(1));
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Equal(new DeliveryState(1, 1, 0), _alice.StateOf(item));

        int attempts = DeliverTimes(_alice.Id, _bob.Id, item).Count;
        Run(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));
        Assert.Equal(attempts, DeliverTimes(_alice.Id, _bob.Id, item).Count);
        Assert.Equal(0, _alice.Engine.PendingCount());
    }

    [Fact]
    public void An_unreachable_device_is_retried_forever_at_most_the_cap_apart()
    {
        EventId item = Node.Item(2);
        _alice.Send(item, _bob);
        Run(TimeSpan.FromDays(2), TimeSpan.FromSeconds(30));

        List<long> sends = DeliverTimes(_alice.Id, _bob.Id, item);
        long lastGap = sends[^1] - sends[^2];
        Assert.InRange(lastGap, Limits.DeliveryBackoffCapMs / 2, Limits.DeliveryBackoffCapMs + 30_000);
        Assert.True(sends[^1] > _time.GetUtcNow().ToUnixTimeMilliseconds() - Limits.DeliveryBackoffCapMs - 30_000);
        Assert.True(sends.Count > TimeSpan.FromDays(2) / TimeSpan.FromMilliseconds(Limits.DeliveryBackoffCapMs));
        Assert.Equal(1, _alice.Engine.PendingCount());
    }

    [Fact]
    public void A_device_that_connects_gets_its_pending_items_at_once_in_enqueue_order()
    {
        EventId[] items = [.. Enumerable.Range(10, Limits.MaxDeliveryFlushBatch + 6).Select(Node.Item)];
        foreach (EventId item in items)
        {
            _alice.Send(item, _bob);
        }

        Run(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
        int before = _network.Sent.Count;

        _network.Connect(_alice.Id, _bob.Id);
        _network.Pump();

        var delivered = _network.Sent.Skip(before).Where(s => s.From == _alice.Id)
            .Select(s => LinkFrame.Decode(s.Frame).Value).OfType<DeliverFrame>().Select(d => d.Id).ToList();
        Assert.Equal(items, delivered);
        Assert.Equal(items, _bob.Handler.Calls.Select(c => c.Id));
        Assert.All(items, item => Assert.Equal(DeliveryStatus.Delivered, _alice.StateOf(item).Status));
        Assert.Equal([_bob.Id], _alice.Sync.Connections);
        Assert.Equal([_alice.Id], _bob.Sync.Connections);
    }
}
