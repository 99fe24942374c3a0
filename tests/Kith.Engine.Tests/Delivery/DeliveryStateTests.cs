using Kith.Engine.Tests.Support;
using Kith.Protocol.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>Issue 5: "the person sees each message's state (queued, delivered to n of m devices, seen)".</summary>
public sealed class DeliveryStateTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly LinkNetwork _network;
    private readonly Node _alice1;
    private readonly Node _alice2;
    private readonly Node _bob1;
    private readonly Node _bob2;

    public DeliveryStateTests()
    {
        _network = new LinkNetwork(_time);
        _alice1 = new Node(1, _network, _time);
        _alice2 = new Node(2, _network, _time);
        _bob1 = new Node(3, _network, _time);
        _bob2 = new Node(4, _network, _time);
    }

    [Fact]
    public void An_item_goes_from_queued_to_delivered_n_of_m_to_seen_and_each_change_is_reported()
    {
        var item = Node.Item(1);
        _alice1.Send(item, _alice2, _bob1, _bob2);
        Assert.Equal(new DeliveryState(3, 0, 0), _alice1.StateOf(item));
        Assert.Equal(DeliveryStatus.Queued, _alice1.StateOf(item).Status);

        _network.Connect(_alice1.Id, _bob1.Id);
        _network.Pump();
        Assert.Equal(new DeliveryState(3, 1, 0), _alice1.StateOf(item));
        Assert.Equal("delivered (1 of 3)", _alice1.StateOf(item).ToString());

        _network.Connect(_alice1.Id, _alice2.Id);
        _network.Pump();
        Assert.Equal(new DeliveryState(3, 2, 0), _alice1.StateOf(item));

        Assert.True(_bob1.Engine.SendSeen(_alice1.Id, [item]));
        _network.Pump();
        Assert.Equal(new DeliveryState(3, 2, 1), _alice1.StateOf(item));
        Assert.Equal(DeliveryStatus.Seen, _alice1.StateOf(item).Status);

        _network.Connect(_alice1.Id, _bob2.Id);
        _network.Pump();
        Assert.True(_alice1.StateOf(item).IsComplete);

        Assert.Equal(
            [new(3, 0, 0), new(3, 1, 0), new(3, 2, 0), new(3, 2, 1), new(3, 3, 1)],
            _alice1.Changes.Where(c => c.Item == item).Select(c => c.State));
    }

    [Fact]
    public void Acks_and_receipts_from_a_device_the_item_was_not_sent_to_change_nothing()
    {
        var item = Node.Item(2);
        _alice1.Send(item, _bob1);
        _network.Connect(_alice1.Id, _bob2.Id);
        _network.Links(_bob2.Id).Send(_alice1.Id, new Kith.Wire.Delivery.AckFrame([item]).Encode());
        _bob2.Engine.SendSeen(_alice1.Id, [item]);
        _network.Pump();
        Assert.Equal(new DeliveryState(1, 0, 0), _alice1.StateOf(item));
        Assert.Single(_alice1.Changes);
    }

    [Fact]
    public void Enqueueing_the_same_item_again_adds_nothing()
    {
        var item = Node.Item(3);
        _alice1.Send(item, _bob1);
        int added = _alice1.Engine.Step(step => step.Enqueue(item, 1, [new OutboundCopy(_bob1.Id, new byte[] { 1 })]));
        Assert.Equal(0, added);
        Assert.Equal(new DeliveryState(1, 0, 0), _alice1.StateOf(item));
    }
}
