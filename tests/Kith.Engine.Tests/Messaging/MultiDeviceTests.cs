namespace Kith.Engine.Tests.Messaging;

/// <summary>Issue 5, end-to-end test 2 in process: the mission's multi-device example, relayed by sync.</summary>
public sealed class MultiDeviceTests
{
    [Fact]
    public void Devices_that_come_online_one_by_one_receive_from_whoever_is_online_and_all_show_the_same_order()
    {
        using var world = new MessengerWorld(seed: 3, aliceDevices: 2, bobDevices: 2);
        var (a1, a2) = (world.Alice.Devices[0], world.Alice.Devices[1]);
        var (b1, b2) = (world.Bob.Devices[0], world.Bob.Devices[1]);

        // A1 online, Bob offline: Alice sends.
        a1.Start();
        _ = a1.Online.SendText(world.Bob.OwnAccount, "hello Bob").Value;
        world.Settle();

        // B1 comes online and receives it from A1.
        b1.Start();
        b1.ConnectTo(a1);
        world.Settle();
        Assert.Equal(["hello Bob"], b1.Texts());

        // B2 comes online and receives it from A1 or B1; Bob answers from B2.
        b2.Start();
        b2.ConnectTo(a1, b1);
        world.Settle();
        Assert.Equal(["hello Bob"], b2.Texts());
        _ = b2.Online.SendText(world.Alice.OwnAccount, "hi Alice, from B2").Value;
        world.Settle();
        List<string> a1Texts = a1.Texts();
        List<Kith.Primitives.Ids.EventId> a1Ids = a1.ShownIds();

        // A1 goes offline; A2 comes online and gets Alice's own message from B1 or B2 (A1's copy for it is stuck in
        // A1's outbox), by sync.
        a1.Kill();
        a2.Start();
        a2.ConnectTo(b1, b2);
        world.Settle();

        string[] expected = ["hello Bob", "hi Alice, from B2"];
        Assert.Equal(expected, a1Texts);
        Assert.Equal(expected, a2.Texts());
        Assert.Equal(expected, b1.Texts());
        Assert.Equal(expected, b2.Texts());
        Assert.Equal(a1Ids, a2.ShownIds());
        Assert.Equal(a1Ids, b1.ShownIds());
        Assert.Equal(a1Ids, b2.ShownIds());

        // A2 answers; B1 and B2 get it, and A1 gets it when it is back.
        _ = a2.Online.SendText(world.Bob.OwnAccount, "A2 here").Value;
        world.Settle();
        a1.Start();
        a1.ConnectTo(a2, b1, b2);
        world.Settle();
        foreach (MessengerWorld.Device device in new[] { a1, a2, b1, b2 })
        {
            Assert.Equal(["hello Bob", "hi Alice, from B2", "A2 here"], device.Texts());
        }
    }
}
