using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>README, decision 9: a newly linked own device gets history from an own device's decrypted store.</summary>
public class HistoryTransferTests
{
    [Fact]
    public void A_newly_linked_device_gets_the_history_in_pages_and_then_reads_new_messages_in_the_same_order()
    {
        var world = new MessagingWorld(60);
        ConversationId c = world.OneToOne;
        world.A1.Send(c, "one");
        world.Tick();
        world.B1.SyncFrom(world.A1, c);
        world.B1.Send(c, "two");
        world.Tick();
        world.A1.SyncFrom(world.B1, c);
        world.A1.Send(c, "three");

        MessagingWorld.Device a3 = world.NewDevice();
        Assert.True(world.Alice.Log.Add(AccountEntries.Add(world.A1.Keys.Identity, a3.Keys.Identity, world.Alice.Id, world.Alice.Log.Heads, world.Tick())).IsOk);
        IReadOnlyList<DeviceId> own = world.MembershipOf(world.Alice.Own).Devices;
        HistoryTransfer exporter = Transfer(world, world.A1);
        HistoryTransfer importer = Transfer(world, a3);

        long? before = long.MaxValue;
        int pages = 0;
        while (before is long cursor)
        {
            HistoryPage page = exporter.Export(world.A1.Messages, c, a3.Id, world.Random, cursor, maxMessages: 2).Value;
            Assert.Equal(page.Count, importer.Import(world.A1.Id, page.Transfer, [.. own], a3.Messages).Value);
            before = page.NextBefore;
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["one", "two", "three"], a3.Texts(c));

        // The new device syncs the events (it cannot decrypt the old ones) and reads what is sent after it joined.
        world.A1.Replica(c).UpdateMembership(world.MembershipOf(c));
        world.Tick();
        world.A1.Send(c, "welcome A3");
        a3.SyncFrom(world.A1, c);
        Assert.Equal(world.A1.Texts(c), a3.Texts(c));
        Assert.Equal(world.A1.ShownIds(c), a3.ShownIds(c));
    }

    [Fact]
    public void History_from_another_account_or_tampered_in_transit_is_refused_and_stores_nothing()
    {
        var world = new MessagingWorld(61);
        ConversationId c = world.OneToOne;
        world.B1.Send(c, "from Bob");
        world.A1.SyncFrom(world.B1, c);
        IReadOnlyList<DeviceId> own = world.MembershipOf(world.Alice.Own).Devices;

        HistoryPage fromBob = Transfer(world, world.B1).Export(world.B1.Messages, c, world.A2.Id, world.Random).Value;
        Assert.Equal(MessagingErrors.NotOwnDevice, Transfer(world, world.A2).Import(world.B1.Id, fromBob.Transfer, [.. own], world.A2.Messages).Error);

        HistoryPage page = Transfer(world, world.A1).Export(world.A1.Messages, c, world.A2.Id, world.Random).Value;
        byte[] tampered = (byte[])page.Transfer.Clone();
        tampered[^1] ^= 1;
        Assert.Equal(MessagingErrors.BadHistory, Transfer(world, world.A2).Import(world.A1.Id, tampered, [.. own], world.A2.Messages).Error);
        Assert.Equal(0, world.A2.Messages.Count(c));
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public void Refused_ids_are_not_imported()
    {
        var world = new MessagingWorld(62);
        ConversationId c = world.OneToOne;
        SendResult deleted = world.A1.Send(c, "deleted on A2 already");
        world.A1.Send(c, "kept");
        world.A2.Replica(c).ApplyDeletion(new Wire.Messaging.DeleteMessagesContent(c, [deleted.Shown.Message.Id]));
        IReadOnlyList<DeviceId> own = world.MembershipOf(world.Alice.Own).Devices;

        HistoryPage page = Transfer(world, world.A1).Export(world.A1.Messages, c, world.A2.Id, world.Random).Value;

        Assert.Equal(1, Transfer(world, world.A2).Import(world.A1.Id, page.Transfer, [.. own], world.A2.Messages).Value);
        Assert.Equal(["kept"], world.A2.Texts(c));
    }

    private static HistoryTransfer Transfer(MessagingWorld world, MessagingWorld.Device device) =>
        new(device.Keys.Prekeys, device.Sessions, device.State, world.PrekeysOf);
}
