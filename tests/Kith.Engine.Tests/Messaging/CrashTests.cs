using Kith.Primitives.Ids;
using Kith.Protocol.Storage;
using Kith.Wire.Messaging;

namespace Kith.Engine.Tests.Messaging;

/// <summary>Issue 5, end-to-end test 3 in process: a device killed while it sends a burst (SQLite in a temp folder).</summary>
public sealed class CrashTests
{
    [Fact]
    public void A_device_killed_during_a_burst_loses_nothing_and_shows_nothing_twice_after_restart()
    {
        using var world = new MessengerWorld(seed: 4, aliceDevices: 1, bobDevices: 1);
        var (a1, b1) = (world.Alice.Devices[0], world.Bob.Devices[0]);
        CrashingRunner? crashing = null;
        IStepRunner Wrap(IStepRunner runner) => crashing = new CrashingRunner(runner);
        a1.Start(sqlite: true, wrap: Wrap);
        b1.Start(sqlite: true);
        a1.ConnectTo(b1);
        world.Network.DropRate = 0.3;

        var sent = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            sent.Add(Send(a1, world, $"burst {i}"));
            world.Network.Pump();
        }

        // The 13th send dies before its commit, with frames of earlier ones still in flight: the process is gone.
        crashing!.CrashNextStep = true;
        Assert.Throws<IOException>(() => a1.Online.SendText(world.Bob.OwnAccount, "never committed"));
        a1.Kill();
        world.Network.Pump();

        a1.Start(sqlite: true);
        a1.ConnectTo(b1);
        for (int i = 12; i < 20; i++)
        {
            sent.Add(Send(a1, world, $"burst {i}"));
        }

        world.Network.DropRate = 0;
        world.Settle();
        Assert.Equal(sent, a1.Texts());
        Assert.Equal(sent, b1.Texts());
        Assert.Equal(a1.ShownIds(), b1.ShownIds());

        // Bob's restart shows the same, once each, and Alice's outbox is empty.
        b1.Kill();
        b1.Start(sqlite: true);
        Assert.Equal(sent, b1.Texts());
        Assert.Equal(0, a1.Online.Engine.PendingCount());
        Assert.Equal(sent.Count, b1.Shown.Select(s => s.Message.Message.Id).Distinct().Count());
        Assert.Equal(sent.Count, b1.Shown.Count);
    }

    [Fact]
    public void A_step_that_fails_before_its_commit_leaves_the_running_messenger_in_step_with_the_database()
    {
        using var world = new MessengerWorld(seed: 5, aliceDevices: 1, bobDevices: 1);
        var (a1, b1) = (world.Alice.Devices[0], world.Bob.Devices[0]);
        CrashingRunner? crashing = null;
        a1.Start(sqlite: true, wrap: runner => crashing = new CrashingRunner(runner));
        b1.Start();
        a1.ConnectTo(b1);

        string first = Send(a1, world, "first");
        crashing!.CrashNextStep = true;
        Assert.Throws<IOException>(() => a1.Online.SendText(world.Bob.OwnAccount, "rolled back"));

        // Had the cached replica kept the rolled-back event, the next one would name it as parent and Bob would
        // hold it pending forever.
        string second = Send(a1, world, "second");
        world.Settle();
        Assert.Equal([first, second], a1.Texts());
        Assert.Equal([first, second], b1.Texts());

        // MessageShown follows commits only: the rolled-back message was never announced.
        Assert.Equal([first, second], a1.Shown.Select(s => ((TextContent)s.Message.Content).Text).ToList());
    }

    private static string Send(MessengerWorld.Device device, MessengerWorld world, string text)
    {
        EventId id = device.Online.SendText(world.Bob.OwnAccount, text).Value;
        Assert.NotEqual(default, id);
        return text;
    }
}
