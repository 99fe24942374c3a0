using Kith.Primitives.Ids;

namespace Kith.Engine.Tests.Messaging;

/// <summary>Issue 5, end-to-end test 5 in process: a deletion on A1 travels in Alice's own log to A2.</summary>
public sealed class DeletionTests
{
    [Fact]
    public void Deleting_a_message_on_A1_removes_it_from_A2_and_Bob_keeps_his_copy()
    {
        using var world = new MessengerWorld(seed: 6, aliceDevices: 2, bobDevices: 1);
        var (a1, a2, b1) = world.StartAliceTwoBobOne();
        _ = a1.Online.SendText(world.Bob.OwnAccount, "keep me").Value;
        world.Settle();
        EventId doomed = b1.Online.SendText(world.Alice.OwnAccount, "delete me").Value;
        world.Settle();
        Assert.Equal(["keep me", "delete me"], a2.Texts());

        Assert.True(a1.Online.DeleteMessage(a1.Online.ConversationWith(world.Bob.OwnAccount), doomed).IsOk);
        world.Settle();

        Assert.Equal(["keep me"], a1.Texts());
        Assert.Equal(["keep me"], a2.Texts());
        Assert.Equal(["keep me", "delete me"], b1.Texts());

        // The deletion survives A2's restart, and Bob's later message still shows.
        a2.Kill();
        a2.Start();
        a2.ConnectTo(a1, b1);
        _ = b1.Online.SendText(world.Alice.OwnAccount, "after").Value;
        world.Settle();
        Assert.Equal(["keep me", "after"], a2.Texts());
    }

    [Fact]
    public void A_deleted_message_leaves_the_SQLite_event_store_of_every_own_device_and_the_announcement_stays()
    {
        using var world = new MessengerWorld(seed: 8, aliceDevices: 2, bobDevices: 1);
        var (a1, a2, b1) = (world.Alice.Devices[0], world.Alice.Devices[1], world.Bob.Devices[0]);
        a1.Start(sqlite: true);
        a2.Start(sqlite: true);
        b1.Start();
        a1.ConnectTo(a2, b1);
        a2.ConnectTo(b1);
        EventId doomed = b1.Online.SendText(world.Alice.OwnAccount, "delete me").Value;
        world.Settle();
        ConversationId conversation = a1.Online.ConversationWith(world.Bob.OwnAccount);
        Assert.True(a2.Runner!.Run(stores => stores.Events.Contains(conversation, doomed)));
        long before = a2.Runner!.Run(stores => stores.Events.Count(conversation));

        Assert.True(a1.Online.DeleteMessage(conversation, doomed).IsOk);
        world.Settle();

        foreach (MessengerWorld.Device own in new[] { a1, a2 })
        {
            Assert.False(own.Runner!.Run(stores => stores.Events.Contains(conversation, doomed)));
            Assert.Equal(before - 1, own.Runner!.Run(stores => stores.Events.Count(conversation)));
        }

        _ = b1.Online.SendText(world.Alice.OwnAccount, "after").Value;
        world.Settle();
        Assert.Equal(["after"], a2.Texts());
    }

    [Fact]
    public void Deleting_the_conversation_on_A1_empties_it_on_A2_Bob_keeps_his_copy_and_later_messages_show()
    {
        using var world = new MessengerWorld(seed: 8, aliceDevices: 2, bobDevices: 1);
        var (a1, a2, b1) = world.StartAliceTwoBobOne();
        _ = a1.Online.SendText(world.Bob.OwnAccount, "one").Value;
        world.Settle();
        _ = b1.Online.SendText(world.Alice.OwnAccount, "two").Value;
        world.Settle();
        Assert.Equal(["one", "two"], a2.Texts());

        Assert.True(a1.Online.DeleteConversation(a1.Online.ConversationWith(world.Bob.OwnAccount)).IsOk);
        world.Settle();

        Assert.Empty(a1.Texts());
        Assert.Empty(a2.Texts());
        Assert.Equal(["one", "two"], b1.Texts());

        // Both sides go on chatting in the same conversation: new messages show on every device again.
        _ = b1.Online.SendText(world.Alice.OwnAccount, "three").Value;
        world.Settle();
        _ = a1.Online.SendText(world.Bob.OwnAccount, "four").Value;
        world.Settle();
        Assert.Equal(["three", "four"], a1.Texts());
        Assert.Equal(["three", "four"], a2.Texts());
        Assert.Equal(["one", "two", "three", "four"], b1.Texts());
    }

    [Fact]
    public void Deleting_a_conversation_this_device_is_not_in_is_refused_and_sends_nothing()
    {
        using var world = new MessengerWorld(seed: 9, aliceDevices: 2, bobDevices: 1);
        MessengerWorld.Device a1 = world.Alice.Devices[0];
        a1.Start();
        // Start already queued the own account's state for the other own device; the refusal must add nothing.
        long pendingBefore = a1.Online.Engine.PendingCount();
        Assert.False(a1.Online.DeleteConversation(ConversationId.FromBytes(new byte[32])).IsOk);
        Assert.Equal(pendingBefore, a1.Online.Engine.PendingCount());
    }

    [Fact]
    public void Deleting_in_a_conversation_this_device_is_not_in_is_refused_and_sends_nothing()
    {
        using var world = new MessengerWorld(seed: 7, aliceDevices: 2, bobDevices: 1);
        MessengerWorld.Device a1 = world.Alice.Devices[0];
        a1.Start();
        var stranger = ConversationId.FromBytes(new byte[32]);
        // Start offered the own account's log to the other devices; the refused deletion adds nothing to that.
        long pendingBefore = a1.Online.Engine.PendingCount();
        Assert.False(a1.Online.DeleteMessage(stranger, EventId.FromBytes(new byte[32])).IsOk);
        Assert.Equal(pendingBefore, a1.Online.Engine.PendingCount());
    }
}
