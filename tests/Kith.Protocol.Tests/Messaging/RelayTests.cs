using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>
/// The mission's example: A1 sends while B1, B2 and A2 are offline; later each reaches the events only through
/// another member device. Chains ride in the DAG, so the relays carry A1's chain along with its messages.
/// </summary>
public class RelayTests
{
    [Fact]
    public void Messages_relayed_A1_to_B1_to_B2_to_A2_are_readable_everywhere_in_the_same_order()
    {
        var world = new MessagingWorld(1);
        ConversationId c = world.OneToOne;
        SendResult first = world.A1.Send(c, "hello Bob");
        world.Tick();
        world.A1.Send(c, "are you there?");

        Assert.Equal(2, first.Events.Count);
        Assert.Empty(first.Unreached);

        world.Tick();
        world.B1.SyncFrom(world.A1, c);
        world.Tick();
        world.B1.Send(c, "yes, from my phone");

        // A1 is offline now: B2 hears only from B1, A2 only from B2.
        world.B2.SyncFrom(world.B1, c);
        world.A2.SyncFrom(world.B2, c);

        string[] expected = ["hello Bob", "are you there?", "yes, from my phone"];
        foreach (MessagingWorld.Device device in new[] { world.A1, world.B1, world.B2, world.A2 }.Skip(1))
        {
            Assert.Equal(expected, device.Texts(c));
        }

        world.A1.SyncFrom(world.B1, c);
        Assert.Equal(expected, world.A1.Texts(c));
        List<EventId> order = world.A1.ShownIds(c);
        Assert.All(new[] { world.B1, world.B2, world.A2 }, d => Assert.Equal(order, d.ShownIds(c)));
        Assert.All(new[] { world.A1, world.B1, world.B2, world.A2 },
            d => Assert.Equal(world.A1.Replica(c).Log.Order(), d.Replica(c).Log.Order()));
    }

    [Fact]
    public void Events_arriving_in_reverse_wait_for_their_parents_and_are_all_shown_once()
    {
        var world = new MessagingWorld(2);
        ConversationId c = world.OneToOne;
        for (int i = 0; i < 5; i++)
        {
            world.Tick();
            world.A1.Send(c, $"m{i}");
        }

        List<ReceiveResult> results = world.B2.ReceiveAll(c, world.A1.Events.All(c).Value.Reverse());

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], world.B2.Texts(c));
        Assert.Equal(5, results.Sum(r => r.Shown.Count));
        Assert.Equal(5, world.B2.Messages.Puts);
    }

    [Fact]
    public void Concurrent_senders_on_both_sides_converge_to_one_order()
    {
        var world = new MessagingWorld(3);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "a1");
        world.B2.Send(c, "b2");
        world.Tick();
        world.A2.Send(c, "a2");
        world.B1.Send(c, "b1");

        MessagingWorld.Device[] all = [world.A1, world.A2, world.B1, world.B2];
        for (int round = 0; round < 2; round++)
        {
            foreach (MessagingWorld.Device to in all)
            {
                foreach (MessagingWorld.Device from in all.Where(d => d != to))
                {
                    to.SyncFrom(from, c);
                }
            }
        }

        List<string> texts = world.A1.Texts(c);
        Assert.Equal(4, texts.Count);
        Assert.All(all, d => Assert.Equal(texts, d.Texts(c)));
        Assert.All(all, d => Assert.Equal(world.A1.ShownIds(c), d.ShownIds(c)));
    }

    [Fact]
    public void The_sent_events_are_an_announcement_then_content_and_later_sends_reuse_the_chain()
    {
        var world = new MessagingWorld(4);
        ConversationId c = world.OneToOne;
        SendResult first = world.A1.Send(c, "one");
        world.Tick();
        SendResult second = world.A1.Send(c, "two");

        ConversationEvent announcement = first.Events[0];
        var payload = (ChainAnnouncement)EventPayload.Decode(announcement.Ciphertext).Value;
        Assert.Equal(new[] { world.A2.Id, world.B1.Id, world.B2.Id }.Order(), payload.Parts.Select(p => p.Recipient));
        Assert.Contains(announcement.Id, first.Events[1].Parents);
        Assert.Single(second.Events);
        Assert.True(second.Events[0].ChainId.SequenceEqual(announcement.ChainId));
        Assert.Equal(1u, second.Events[0].ChainIndex);
    }
}
