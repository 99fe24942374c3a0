using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
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

        world.A1.Replica(c).ApplyDeletion(world.A1.Replica(c).ClearInstruction(world.Now));
        Assert.Empty(world.A1.Texts(c));

        world.Tick();
        world.A1.Send(c, "three");
        world.B1.SyncFrom(world.A1, c);

        // The content left A1 for good; the chain's announcement stayed, so B1, which had nothing, reads "three".
        Assert.Equal(["three"], world.A1.Texts(c));
        Assert.Equal(["three"], world.B1.Texts(c));
        Assert.Equal(0, world.B1.Replica(c).Log.PendingCount);
        Assert.Equal(2, world.A1.Events.Count(c));
    }

    [Fact]
    public void Deleted_events_leave_the_event_store_and_a_rebuilt_replica_still_shows_their_children()
    {
        var world = new MessagingWorld(35);
        ConversationId c = world.OneToOne;
        SendResult parent = world.B1.Send(c, "deleted");
        world.Tick();
        SendResult child = world.B1.Send(c, "reply");
        world.A1.SyncFrom(world.B1, c);
        EventId deleted = parent.Shown.Message.Id;

        world.A1.Replica(c).ApplyDeletion(new DeleteMessagesContent(c, [deleted]));

        Assert.False(world.A1.Events.Contains(c, deleted));
        Assert.True(world.A1.Events.Contains(c, child.Shown.Message.Id));
        Assert.True(world.A1.Events.Contains(c, parent.Events[0].Id)); // the announcement stays
        ConversationReplica rebuilt = world.A1.Restart(c);
        Assert.Equal(["reply"], world.A1.Texts(c));
        Assert.Equal(0, rebuilt.Log.PendingCount);
        Assert.Empty(rebuilt.Log.MissingParents());
    }

    [Fact]
    public void A_deletion_naming_an_announcement_keeps_it_on_every_own_device()
    {
        var world = new MessagingWorld(36);
        ConversationId c = world.OneToOne;
        SendResult sent = world.B1.Send(c, "hello");
        world.A1.SyncFrom(world.B1, c);
        var instruction = new DeleteMessagesContent(c, [sent.Events[0].Id]);

        world.A1.Replica(c).ApplyDeletion(instruction);
        world.A2.Replica(c).ApplyDeletion(instruction);
        world.A2.SyncFrom(world.B1, c);

        Assert.Equal(["hello"], world.A1.Texts(c));
        Assert.Equal(["hello"], world.A2.Texts(c));
        Assert.Equal(world.A1.Replica(c).Log.Order(), world.A2.Replica(c).Log.Order());
    }

    [Fact]
    public void An_older_event_arriving_after_a_conversation_was_cleared_is_refused_on_every_own_device()
    {
        var world = new MessagingWorld(37);
        ConversationId c = world.OneToOne;
        SendResult seen = world.B1.Send(c, "seen before the clear");
        world.Tick();
        // B1 writes this before the clear, but it reaches no Alice device until after (a partition).
        SendResult late = world.B1.Send(c, "late but older");
        world.A1.ReceiveAll(c, seen.Events);
        world.A2.ReceiveAll(c, seen.Events);
        world.Tick();

        DeleteConversationContent clear = world.A1.Replica(c).ClearInstruction(world.Now);
        world.A1.Replica(c).ApplyDeletion(clear);
        world.A2.Replica(c).ApplyDeletion(clear);
        world.Tick();
        world.A1.ReceiveAll(c, late.Events);
        world.A2.ReceiveAll(c, late.Events);
        world.Tick();
        SendResult after = world.B1.Send(c, "after the clear");
        world.A1.SyncFrom(world.B1, c);
        world.A2.SyncFrom(world.B1, c);

        Assert.Equal(["after the clear"], world.A1.Texts(c));
        Assert.Equal(["after the clear"], world.A2.Texts(c));
        Assert.True(world.A2.Replica(c).Log.IsRefused(late.Shown.Message.Id));
        Assert.False(world.A2.Events.Contains(c, late.Shown.Message.Id));
        Assert.Equal(world.A1.Replica(c).Log.Order(), world.A2.Replica(c).Log.Order());
        Assert.Equal(0, world.A2.Replica(c).Log.PendingCount);

        // The cut survives a restart.
        ConversationReplica rebuilt = world.A2.Restart(c);
        Assert.Equal(EventAddOutcome.Refused, rebuilt.Log.Add(late.Events.Last(), world.Now).Value.Outcome);
        Assert.Equal(["after the clear"], world.A2.Texts(c));
        Assert.Contains(after.Shown.Message.Id, world.A2.ShownIds(c));
    }

    [Fact]
    public void A_message_sent_after_a_cut_from_a_clock_behind_it_is_stamped_after_it_and_shows()
    {
        var world = new MessagingWorld(38);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "old");
        world.A2.Replica(c).ApplyDeletion(new DeleteConversationContent(c, world.Now + 5_000));

        SendResult sent = world.A2.Send(c, "new");

        Assert.True(sent.Events.Last().TimestampUnixMs > world.Now + 5_000);
        Assert.Equal(["new"], world.A2.Texts(c));
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
