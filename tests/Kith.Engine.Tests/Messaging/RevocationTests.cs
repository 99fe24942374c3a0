using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;

namespace Kith.Engine.Tests.Messaging;

/// <summary>Issue 5, end-to-end test 4 in process: a revoked device reads nothing sent after; the others go on.</summary>
public sealed class RevocationTests
{
    [Fact]
    public void A_revoked_device_reads_nothing_sent_after_even_when_handed_the_events_and_the_others_keep_working()
    {
        using var world = new MessengerWorld(seed: 8, aliceDevices: 2, bobDevices: 1);
        var (a1, a2, b1) = world.StartAliceTwoBobOne();
        _ = a1.Online.SendText(world.Bob.OwnAccount, "before").Value;
        world.Settle();
        Assert.Equal(["before"], a2.Texts());

        world.Alice.Revoke(a1, a2);
        int sentBefore = world.Network.Sent.Count;
        EventId after = a1.Online.SendText(world.Bob.OwnAccount, "after, from A1").Value;
        world.Settle();
        _ = b1.Online.SendText(world.Alice.OwnAccount, "after, from B1").Value;
        world.Settle();

        // A revoked device that still has links, and is handed every frame A1 and B1 sent each other after the
        // revocation, can read none of them: the new chains were announced without a part for it.
        foreach (var (from, to, frame, _) in world.Network.Sent.Skip(sentBefore).ToList())
        {
            if ((from == a1.Id && to == b1.Id) || (from == b1.Id && to == a1.Id))
            {
                _ = world.Network.Links(from).Send(a2.Id, frame);
            }
        }

        world.Settle();
        Assert.Equal(["before"], a2.Texts());
        Assert.Equal(["before", "after, from A1", "after, from B1"], a1.Texts());
        Assert.Equal(["before", "after, from A1", "after, from B1"], b1.Texts());
        Assert.Equal(new DeliveryState(1, 1, 0), a1.Online.Engine.StateOf(after).Value);
    }
}
