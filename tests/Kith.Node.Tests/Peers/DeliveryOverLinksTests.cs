using Kith.Engine.Delivery;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// The node's DeliveryEngine over its real links: an item enqueued on one node is delivered through
/// <c>TransportDeviceLinks</c> to the other node's Messenger slot, acknowledged, and leaves the outbox (status).
/// </summary>
public sealed class DeliveryOverLinksTests
{
    [Fact]
    public async Task An_item_enqueued_for_a_contacts_device_is_delivered_and_acknowledged()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var alicesMessenger = new RecordingMessenger();
        var bobsMessenger = new RecordingMessenger();
        await using TestNode alice = await TestNode.StartAsync("Alice", Linking.Options(50, time), RecordingMessenger.Factory(alicesMessenger));
        await using TestNode bob = await TestNode.StartAsync("Bob", Linking.Options(51, time), RecordingMessenger.Factory(bobsMessenger));
        await Linking.Add(alice, bob);
        await Linking.Add(bob, alice);
        var item = EventId.FromBytes(Enumerable.Repeat((byte)7, EventId.Size).ToArray());
        DeliveryEngine engine = alice.Host.Engine!;

        engine.Step(step => step.Enqueue(item, 1, [new OutboundCopy(bob.Host.Device.Device, new byte[] { 1, 2, 3 })]));

        await Linking.Until(() => bobsMessenger.Applied.Count == 1 && alice.Host.Status.Current.OutboxPending == 0);
        InboundItem delivered = Assert.Single(bobsMessenger.Applied);
        Assert.Equal(alice.Host.Device.Device, delivered.From);
        Assert.Equal(item, delivered.Id);
        Assert.Equal([1, 2, 3], delivered.Payload.ToArray());
        Assert.Contains(bob.Host.Device.Device, alicesMessenger.Connections);
        Assert.Equal(0, engine.PendingCount());
    }
}
