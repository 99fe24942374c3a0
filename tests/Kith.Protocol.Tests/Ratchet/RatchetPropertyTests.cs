using CsCheck;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>
/// Random interleavings (CsCheck; a failure prints the seed to replay it): every delivered message is
/// read exactly once and to the right plaintext, replays are rejected, skipped keys stay within their
/// limits, and the parties converge once the network quiesces.
/// </summary>
public class RatchetPropertyTests
{
    internal static readonly Gen<(RatchetSimulation.Action, int)[]> Actions =
        Gen.Select(Gen.Int[0, 19], Gen.Int[0, 1 << 20], (kind, pick) => (Kind(kind), pick)).Array[0, 200];

    [Fact]
    public void Drops_duplicates_and_reordering_deliver_every_message_exactly_once()
    {
        Actions.Sample(actions =>
        {
            using var simulation = new RatchetSimulation(seed: 42, durable: false);
            simulation.Run(actions);
            simulation.QuiesceAndCheckConvergence();
        }, iter: 150);
    }

    /// <summary>
    /// Sends, deliveries and commits dominate, so that conversations ratchet many times between crashes;
    /// without durability, commits and crashes do nothing.
    /// </summary>
    internal static RatchetSimulation.Action Kind(int value) => value switch
    {
        <= 2 => RatchetSimulation.Action.SendAlice,
        <= 5 => RatchetSimulation.Action.SendBob,
        <= 10 => RatchetSimulation.Action.Deliver,
        11 => RatchetSimulation.Action.Drop,
        12 => RatchetSimulation.Action.Duplicate,
        13 => RatchetSimulation.Action.Shuffle,
        <= 17 => RatchetSimulation.Action.Snapshot,
        18 => RatchetSimulation.Action.Restore,
        _ => RatchetSimulation.Action.Deliver,
    };
}
