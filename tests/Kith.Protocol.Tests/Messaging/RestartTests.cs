using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>README, decision 6: a replica rebuilt from its stores has the same order and shows nothing twice.</summary>
public class RestartTests
{
    [Fact]
    public void A_rebuilt_replica_has_the_same_order_shows_nothing_twice_and_keeps_its_chain()
    {
        var world = new MessagingWorld(40);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "a");
        world.Tick();
        world.B1.SyncFrom(world.A1, c);
        world.B1.Send(c, "b");
        world.Tick();
        world.A1.Send(c, "c");
        world.B1.SyncFrom(world.A1, c);
        IReadOnlyList<EventId> order = world.B1.Replica(c).Log.Order();
        int puts = world.B1.Messages.Puts;

        ConversationReplica rebuilt = world.B1.Restart(c);

        Assert.Equal(order, rebuilt.Log.Order());
        Assert.Equal(puts, world.B1.Messages.Puts);
        List<ReceiveResult> again = world.B1.SyncFrom(world.A1, c);
        Assert.All(again, r => Assert.True(r.Duplicate));
        Assert.Equal(puts, world.B1.Messages.Puts);
        Assert.Equal(["a", "b", "c"], world.B1.Texts(c));

        // The own chain survived: the next send needs no new announcement, and A1 reads it.
        world.Tick();
        SendResult next = world.B1.Send(c, "d");
        Assert.Single(next.Events);
        world.A1.SyncFrom(world.B1, c);
        Assert.Equal(["a", "b", "c", "d"], world.A1.Texts(c));
    }

    [Fact]
    public void A_restart_between_an_announcement_and_its_content_still_decrypts_the_content()
    {
        var world = new MessagingWorld(41);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "split");
        world.B2.Receive(c, sent.Events[0]);

        world.B2.Restart(c);
        world.B2.Receive(c, sent.Events[1]);

        Assert.Equal(["split"], world.B2.Texts(c));
    }

    [Fact]
    public void A_restart_keeps_refusals()
    {
        var world = new MessagingWorld(42);
        ConversationId c = world.OneToOne;
        SendResult sent = world.B1.Send(c, "gone");
        world.A1.SyncFrom(world.B1, c);
        world.A1.Replica(c).ApplyDeletion(new Wire.Messaging.DeleteMessagesContent(c, [sent.Shown.Message.Id]));

        ConversationReplica rebuilt = world.A1.Restart(c);

        Assert.True(rebuilt.Log.IsRefused(sent.Shown.Message.Id));
        Assert.Empty(world.A1.Texts(c));
        Assert.Empty(world.A1.Receive(c, sent.Events.Last()).Shown);
    }
}
