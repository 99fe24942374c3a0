using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>
/// A chain announced while a member device's prekeys were unknown (a contact added from a QR card) is handed to that
/// device late, once they are known, so it reads what was sent meanwhile (ConversationReplica.HandOverPendingChains).
/// </summary>
public class LateHandoverTests
{
    [Fact]
    public void A_device_unreachable_when_the_chain_was_announced_reads_its_messages_after_the_hand_over()
    {
        var world = new MessagingWorld(11);
        ConversationId c = world.OneToOne;
        world.PrekeysUnknown.Add(world.B1.Id);
        SendResult first = world.A1.Send(c, "hello Bob");
        world.Tick();
        world.A1.Send(c, "are you there?");

        Assert.Equal([world.B1.Id], first.Unreached);
        world.B1.SyncFrom(world.A1, c);
        world.B2.SyncFrom(world.A1, c);
        Assert.Empty(world.B1.Texts(c));
        Assert.Equal(["hello Bob", "are you there?"], world.B2.Texts(c));
        Assert.Empty(world.A1.Replica(c).HandOverPendingChains(world.Tick(), world.Random).Value);

        world.PrekeysUnknown.Clear();
        IReadOnlyList<ConversationEvent> late = world.A1.Replica(c).HandOverPendingChains(world.Tick(), world.Random).Value;
        world.B1.ReceiveAll(c, late);

        Assert.Single(late);
        Assert.Equal(["hello Bob", "are you there?"], world.B1.Texts(c));
        Assert.Empty(world.A1.Replica(c).HandOverPendingChains(world.Tick(), world.Random).Value);
        // The others ignore a part that is not theirs and show nothing twice.
        world.B2.ReceiveAll(c, late);
        world.A2.SyncFrom(world.A1, c);
        Assert.Equal(["hello Bob", "are you there?"], world.B2.Texts(c));
        Assert.Equal(["hello Bob", "are you there?"], world.A2.Texts(c));
    }

    [Fact]
    public void The_pending_hand_over_survives_a_restart_and_later_messages_stay_on_the_same_chain()
    {
        var world = new MessagingWorld(12);
        ConversationId c = world.OneToOne;
        world.PrekeysUnknown.Add(world.B1.Id);
        world.A1.Send(c, "one");
        world.A1.Restart(c);
        world.PrekeysUnknown.Clear();
        world.Tick();
        SendResult second = world.A1.Send(c, "two");

        Assert.Single(second.Events);
        IReadOnlyList<ConversationEvent> late = world.A1.Replica(c).HandOverPendingChains(world.Tick(), world.Random).Value;
        world.B1.SyncFrom(world.A1, c);

        Assert.Single(late);
        Assert.Equal(["one", "two"], world.B1.Texts(c));
    }
}
