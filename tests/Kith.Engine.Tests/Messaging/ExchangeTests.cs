using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;

namespace Kith.Engine.Tests.Messaging;

/// <summary>Issue 5, end-to-end test 1 in process: Alice and Bob chat both ways through their engines.</summary>
public sealed class ExchangeTests
{
    [Fact]
    public void Alice_and_Bob_exchange_messages_both_ways_and_see_them_delivered()
    {
        using var world = new MessengerWorld(seed: 1, aliceDevices: 1, bobDevices: 1);
        MessengerWorld.Device a1 = world.Alice.Devices[0];
        MessengerWorld.Device b1 = world.Bob.Devices[0];
        a1.Start();
        b1.Start();
        a1.ConnectTo(b1);

        EventId hello = a1.Online.SendText(world.Bob.OwnAccount, "hello Bob").Value;
        world.Settle();
        b1.Online.SendText(world.Alice.OwnAccount, "hi Alice").Value.ToString();
        world.Settle();
        a1.Online.SendText(world.Bob.OwnAccount, "how are you?").Value.ToString();
        world.Settle();

        string[] expected = ["hello Bob", "hi Alice", "how are you?"];
        Assert.Equal(expected, a1.Texts());
        Assert.Equal(expected, b1.Texts());
        Assert.Equal(a1.ShownIds(), b1.ShownIds());
        Assert.Equal(new DeliveryState(1, 1, 0), a1.Online.Engine.StateOf(hello).Value);
        Assert.Equal(0, a1.Online.Engine.PendingCount());
        Assert.Equal(["hi Alice"], a1.Shown.Where(s => s.Message.Message.Author != a1.Id).Select(s => Text(s)).ToList());
    }

    [Fact]
    public void A_message_sent_while_the_peer_is_offline_is_delivered_when_it_connects()
    {
        using var world = new MessengerWorld(seed: 2, aliceDevices: 1, bobDevices: 1);
        MessengerWorld.Device a1 = world.Alice.Devices[0];
        MessengerWorld.Device b1 = world.Bob.Devices[0];
        a1.Start();
        EventId sent = a1.Online.SendText(world.Bob.OwnAccount, "while you were away").Value;
        world.Settle();
        Assert.Equal(new DeliveryState(1, 0, 0), a1.Online.Engine.StateOf(sent).Value);

        b1.Start();
        a1.ConnectTo(b1);
        world.Settle();
        Assert.Equal(["while you were away"], b1.Texts());
        Assert.Equal(new DeliveryState(1, 1, 0), a1.Online.Engine.StateOf(sent).Value);
    }

    private static string Text(Kith.Engine.Messaging.MessageShownEventArgs e) =>
        ((Kith.Wire.Messaging.TextContent)e.Message.Content).Text;
}
