using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>README, decision 8: deletion travels in the own-account log; own devices keep only refusals.</summary>
public class DeletionTests
{
    [Fact]
    public void Deleting_on_A1_removes_the_message_on_A2_through_the_own_log_and_the_id_is_refused_if_offered_again()
    {
        var world = new MessagingWorld(30);
        ConversationId c = world.OneToOne;
        ConversationId own = world.Alice.Own;
        SendResult keep = world.A1.Send(c, "keep me");
        world.Tick();
        SendResult gone = world.B1.Send(c, "delete me");
        world.A1.SyncFrom(world.B1, c);
        world.A2.SyncFrom(world.B1, c);
        world.A2.SyncFrom(world.A1, c);
        EventId deleted = gone.Shown.Message.Id;
        Assert.Equal(["keep me", "delete me"], world.A2.Texts(c));

        var instruction = new DeleteMessagesContent(c, [deleted]);
        SendResult sent = world.A1.Send(own, instruction);
        world.A1.Replica(c).ApplyDeletion(instruction);
        foreach (ReceiveResult received in world.A2.ReceiveAll(own, sent.Events))
        {
            foreach (ReceivedMessage message in received.Shown)
            {
                world.A2.Replica(c).ApplyDeletion(message.Content);
            }
        }

        Assert.Equal(["keep me"], world.A1.Texts(c));
        Assert.Equal(["keep me"], world.A2.Texts(c));
        Assert.True(world.A2.Replica(c).Log.IsRefused(deleted));
        Assert.False(world.A2.Replica(c).Log.Contains(deleted));

        ReceiveResult again = world.A2.Receive(c, gone.Events.Last());
        Assert.True(again.Duplicate);
        Assert.Empty(again.Shown);
        Assert.Equal(["keep me"], world.A2.Texts(c));

        // Bob's copies are his.
        world.B1.ReceiveAll(c, keep.Events);
        Assert.Equal(["keep me", "delete me"], world.B1.Texts(c));
    }

    [Fact]
    public void Children_of_a_deleted_event_are_accepted_and_shown_even_when_it_was_refused_before_it_arrived()
    {
        var world = new MessagingWorld(31);
        ConversationId c = world.OneToOne;
        SendResult parent = world.B1.Send(c, "deleted before A2 saw it");
        world.Tick();
        SendResult child = world.B1.Send(c, "reply to it");
        EventId deleted = parent.Shown.Message.Id;
        Assert.Contains(deleted, child.Events.Single().Parents);

        world.A2.Replica(c).ApplyDeletion(new DeleteMessagesContent(c, [deleted]));
        List<ReceiveResult> results = world.A2.SyncFrom(world.B1, c);

        Assert.Equal(["reply to it"], world.A2.Texts(c));
        Assert.Equal(0, world.A2.Replica(c).Log.PendingCount);
        Assert.Empty(world.A2.Replica(c).Log.MissingParents());
        Assert.Single(results, r => r.Duplicate);
    }

    [Fact]
    public void A_deleted_parent_that_a_pending_child_waited_on_releases_the_child()
    {
        var world = new MessagingWorld(32);
        ConversationId c = world.OneToOne;
        SendResult parent = world.B1.Send(c, "lost in transit");
        world.Tick();
        SendResult child = world.B1.Send(c, "after it");

        // A2 holds the announcement and the child, not the parent: the child waits.
        world.A2.Receive(c, parent.Events[0]);
        Assert.Empty(world.A2.Receive(c, child.Events.Single()).Accepted);
        Assert.Equal(1, world.A2.Replica(c).Log.PendingCount);

        ReceiveResult released = world.A2.Replica(c).ApplyDeletion(new DeleteMessagesContent(c, [parent.Shown.Message.Id])).Value;

        Assert.Equal([child.Events.Single().Id], released.Accepted);
        Assert.Equal(["after it"], world.A2.Texts(c));
    }

    [Fact]
    public void Deleting_a_conversation_clears_it_and_later_messages_still_show()
    {
        var world = new MessagingWorld(33);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "one");
        world.Tick();
        world.A1.Send(c, "two");

        world.A1.Replica(c).ApplyDeletion(new DeleteConversationContent(c));
        Assert.Empty(world.A1.Texts(c));
        Assert.Equal(0, world.A1.Replica(c).Log.Count);

        world.Tick();
        world.A1.Send(c, "three");
        world.B1.SyncFrom(world.A1, c);

        Assert.Equal(["three"], world.A1.Texts(c));
        Assert.Equal(["one", "two", "three"], world.B1.Texts(c));
    }

    [Fact]
    public void A_deletion_naming_another_conversation_changes_nothing()
    {
        var world = new MessagingWorld(34);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "stays");

        world.A1.Replica(c).ApplyDeletion(new DeleteMessagesContent(world.Alice.Own, [sent.Shown.Message.Id]));

        Assert.Equal(["stays"], world.A1.Texts(c));
        Assert.False(world.A1.Replica(c).Log.IsRefused(sent.Shown.Message.Id));
    }
}
