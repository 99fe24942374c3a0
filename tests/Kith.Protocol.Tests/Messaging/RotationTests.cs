using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Accounts;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>README, decision 7: a new chain when the member devices change, after 2,000 messages, after 7 days.</summary>
public class RotationTests
{
    [Fact]
    public void After_revoking_B2_the_next_message_starts_a_chain_B2_gets_no_part_of_and_cannot_read()
    {
        var world = new MessagingWorld(20);
        ConversationId c = world.OneToOne;
        SendResult before = world.A1.Send(c, "everyone");
        world.Tick();
        world.Bob.Revoke(world.B1, world.B2);
        world.A1.Replica(c).UpdateMembership(world.MembershipOf(c));
        world.Tick();
        SendResult after = world.A1.Send(c, "not B2");

        Assert.Equal(2, after.Events.Count);
        Assert.False(after.Events[0].ChainId.SequenceEqual(before.Events[0].ChainId));
        var announcement = (ChainAnnouncement)EventPayload.Decode(after.Events[0].Ciphertext).Value;
        Assert.Equal(new[] { world.A2.Id, world.B1.Id }.Order(), announcement.Parts.Select(p => p.Recipient));

        // B2 still relays and accepts (its own view of Bob's log is stale), but cannot read the new chain.
        foreach (MessagingWorld.Device device in new[] { world.B2, world.B1, world.A2 })
        {
            device.SyncFrom(world.A1, c);
        }

        Assert.Equal(["everyone"], world.B2.Texts(c));
        Assert.Equal(["everyone", "not B2"], world.B1.Texts(c));
        Assert.Equal(["everyone", "not B2"], world.A2.Texts(c));
    }

    [Fact]
    public void A_new_device_of_a_member_account_makes_the_next_send_announce_a_chain_that_includes_it()
    {
        var world = new MessagingWorld(21);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "first");
        MessagingWorld.Device b3 = world.NewDevice();
        Assert.True(world.Bob.Log.Add(AccountEntries.Add(world.B1.Keys.Identity, b3.Keys.Identity, world.Bob.Id,
            world.Bob.Log.Heads, world.Tick())).IsOk);
        world.A1.Replica(c).UpdateMembership(world.MembershipOf(c));

        SendResult next = world.A1.Send(c, "hello B3");
        b3.SyncFrom(world.A1, c);

        Assert.Equal(2, next.Events.Count);
        Assert.Equal(["hello B3"], b3.Texts(c));
    }

    [Fact]
    public void A_chain_rotates_after_2000_messages()
    {
        var world = new MessagingWorld(22);
        ConversationId c = world.OneToOne;
        var announcements = new List<int>();
        for (int i = 0; i <= Primitives.Limits.SenderChainMaxMessages; i++)
        {
            world.Tick(1);
            if (world.A1.Send(c, "m").Events.Count == 2)
            {
                announcements.Add(i);
            }
        }

        Assert.Equal([0, Primitives.Limits.SenderChainMaxMessages], announcements);
    }

    [Fact]
    public void A_chain_rotates_after_7_days_and_receivers_read_across_the_rotation()
    {
        var world = new MessagingWorld(23);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "monday");
        world.Tick(Primitives.Limits.SenderChainMaxAgeMs - 1000);
        Assert.Single(world.A1.Send(c, "still the same chain").Events);
        world.Tick(1000);
        SendResult rotated = world.A1.Send(c, "a week later");

        Assert.Equal(2, rotated.Events.Count);
        world.B1.SyncFrom(world.A1, c);
        Assert.Equal(["monday", "still the same chain", "a week later"], world.B1.Texts(c));
    }

    [Fact]
    public void A_smaller_rotation_policy_is_honoured()
    {
        var world = new MessagingWorld(24, new SenderChainRotationPolicy(3, long.MaxValue));
        ConversationId c = world.OneToOne;
        int[] sizes = [.. Enumerable.Range(0, 7).Select(_ => world.A1.Send(c, "x").Events.Count)];

        Assert.Equal([2, 1, 1, 2, 1, 1, 2], sizes);
        world.B2.SyncFrom(world.A1, c);
        Assert.Equal(7, world.B2.Texts(c).Count);
        Assert.Equal(3, world.A1.Events.All(c).Value.Count(e => EventPayload.Decode(e.Ciphertext).Value is ChainAnnouncement));
    }
}
