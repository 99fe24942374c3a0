using Kith.Engine.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Wire.Delivery;

namespace Kith.Engine.Tests.Messaging;

/// <summary>Delivered items are untrusted: garbage and relays by non-members change nothing and crash nothing.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Garbage_unknown_kinds_and_events_relayed_by_a_stranger_are_refused_and_the_real_delivery_still_shows()
    {
        using var world = new MessengerWorld(seed: 9, aliceDevices: 1, bobDevices: 1);
        var (a1, b1) = (world.Alice.Devices[0], world.Bob.Devices[0]);
        var faults = new List<string>();
        a1.Start().Engine.Faulted += (_, e) => faults.Add(e.Error.Code);
        b1.Start();

        // Bob writes while not connected: his frames to A1 are recorded but not delivered.
        int before = world.Network.Sent.Count;
        EventId real = b1.Online.SendText(world.Alice.OwnAccount, "the real one").Value;
        byte[] delivered = world.Network.Sent.Skip(before).Select(s => s.Frame)
            .Single(f => LinkFrame.Decode(f).Value is DeliverFrame d && d.Id == real);

        // A stranger (no account A1 knows) relays Bob's genuine event: refused, nothing shown.
        DeviceId stranger = Node.Device(0x77);
        _ = world.Network.Links(stranger);
        world.Network.Connect(a1.Id, stranger);
        _ = world.Network.Links(stranger).Send(a1.Id, delivered);
        world.Network.Pump();
        Assert.Empty(a1.Texts());

        // Bob's own delivery shows it; then garbage and an unknown kind from a member change nothing.
        b1.ConnectTo(a1);
        world.Settle();
        Assert.Equal(["the real one"], a1.Texts());
        _ = world.Network.Links(b1.Id).Send(a1.Id, new DeliverFrame(Node.Item(1), 1, [1, 2, 3]).Encode());
        _ = world.Network.Links(b1.Id).Send(a1.Id, new DeliverFrame(Node.Item(2), 9, delivered).Encode());
        world.Network.Pump();
        Assert.Equal(["the real one"], a1.Texts());
        Assert.Empty(faults);
        Assert.Single(a1.Shown);
    }
}
