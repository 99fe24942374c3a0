namespace Kith.Engine.Tests.Messaging;

/// <summary>
/// A message written while the contact's prekeys were unknown (a contact added from a QR card) is read once they are
/// known: the messenger hands its chain over late on the next membership refresh, even after a restart.
/// </summary>
public sealed class LateHandoverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_message_written_before_the_contacts_prekeys_came_is_read_after_the_refresh(bool restartFirst)
    {
        using var world = new MessengerWorld(seed: 31, aliceDevices: 1, bobDevices: 1);
        MessengerWorld.Device a1 = world.Alice.Devices[0];
        MessengerWorld.Device b1 = world.Bob.Devices[0];
        world.PrekeysUnknown.Add(b1.Id);
        a1.Start(sqlite: true);
        b1.Start();
        a1.ConnectTo(b1);
        _ = a1.Online.SendText(world.Bob.OwnAccount, "hello Bob").Value;
        world.Settle();
        Assert.Empty(b1.Texts());

        if (restartFirst)
        {
            // What is owed to Bob survives in the store (the messenger reopens every conversation at start).
            a1.Kill();
            a1.Start(sqlite: true);
        }

        world.PrekeysUnknown.Clear();
        a1.Online.RefreshMembership();
        a1.ConnectTo(b1);
        world.Settle();

        Assert.Equal(["hello Bob"], b1.Texts());
        Assert.Equal(0, a1.Online.Engine.PendingCount());
    }
}
