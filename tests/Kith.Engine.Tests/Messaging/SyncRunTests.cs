using Kith.Engine.Delivery;
using Kith.Engine.Messaging;
using Kith.Primitives.Ids;
using Kith.Protocol.Storage;
using Kith.Wire.Sync;

namespace Kith.Engine.Tests.Messaging;

/// <summary>
/// The messenger takes sync messages that arrived together in one step (issue 4: a large sync commits once per run,
/// not once per message; signatures are checked before the step, on every core).
/// </summary>
public sealed class SyncRunTests
{
    [Fact]
    public void Sync_messages_that_arrived_together_are_taken_in_one_step()
    {
        using var world = new MessengerWorld(seed: 12, aliceDevices: 1, bobDevices: 1);
        var (a1, b1) = (world.Alice.Devices[0], world.Bob.Devices[0]);
        CountingRunner? counting = null;
        Messenger messenger = a1.Start(wrap: runner => counting = new CountingRunner(runner));
        b1.Start();
        ConversationId conversation = messenger.ConversationWith(world.Bob.OwnAccount);
        byte[] heads = new SyncHeads(conversation, [], 0).Encode();
        int before = counting!.Steps;

        ((ISyncHandler)messenger).ReceivedTogether(b1.Id, [heads, heads, heads]);

        Assert.Equal(before + 1, counting.Steps);
    }

    [Fact]
    public void A_run_of_undecodable_messages_takes_no_step()
    {
        using var world = new MessengerWorld(seed: 13, aliceDevices: 1, bobDevices: 1);
        var (a1, b1) = (world.Alice.Devices[0], world.Bob.Devices[0]);
        CountingRunner? counting = null;
        Messenger messenger = a1.Start(wrap: runner => counting = new CountingRunner(runner));
        int before = counting!.Steps;

        ((ISyncHandler)messenger).ReceivedTogether(b1.Id, [new byte[] { 0xFF, 1, 2 }, Array.Empty<byte>()]);

        Assert.Equal(before, counting.Steps);
    }

    private sealed class CountingRunner(IStepRunner inner) : IStepRunner
    {
        public int Steps { get; private set; }

        public T Run<T>(Func<IStepStores, T> work)
        {
            Steps++;
            return inner.Run(work);
        }
    }
}
