using CsCheck;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>
/// Random interleavings of sends, partial relays between any two devices and restarts (CsCheck; a failure prints
/// the seed to replay it): once every device has synced with every other, all four show the same messages in the
/// same order, each exactly once, and every message is readable on every device.
/// </summary>
public class ConvergencePropertyTests
{
    private enum Step
    {
        Send,
        Relay,
        Restart,
    }

    [Fact]
    public void Any_interleaving_of_sends_relays_and_restarts_converges_to_one_readable_order()
    {
        Gen<(Step Step, int From, int To)[]> plans = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 3],
            (s, f, t) => (s switch { <= 1 => Step.Send, 5 => Step.Restart, _ => Step.Relay }, f, t)).Array[1, 24];
        plans.Sample(plan =>
        {
            var world = new MessagingWorld(77);
            ConversationId c = world.OneToOne;
            MessagingWorld.Device[] devices = [world.A1, world.A2, world.B1, world.B2];
            int sent = 0;
            foreach ((Step step, int from, int to) in plan)
            {
                world.Tick(137);
                switch (step)
                {
                    case Step.Send:
                        devices[from].Send(c, $"m{sent++}");
                        break;
                    case Step.Relay:
                        devices[to].SyncFrom(devices[from], c);
                        break;
                    default:
                        devices[from].Restart(c);
                        break;
                }
            }

            foreach (MessagingWorld.Device to in devices)
            {
                foreach (MessagingWorld.Device from in devices)
                {
                    to.SyncFrom(from, c);
                }
            }

            foreach (MessagingWorld.Device to in devices)
            {
                to.SyncFrom(world.A1, c);
            }

            List<EventId> order = world.A1.ShownIds(c);
            Assert.Equal(sent, order.Count);
            Assert.All(devices, d => Assert.Equal(order, d.ShownIds(c)));
            Assert.All(devices, d => Assert.Equal(world.A1.Texts(c), d.Texts(c)));
            Assert.All(devices, d => Assert.Equal(sent, d.Messages.Puts));
        }, iter: 25);
    }
}
