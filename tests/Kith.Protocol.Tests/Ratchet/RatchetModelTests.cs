using CsCheck;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>
/// Model-based test (as libsignal fuzzes sessions with drop, shuffle, snapshot and restore): two
/// parties under random sends, deliveries, drops, duplicates, shuffles, commits and crashes (see
/// <see cref="RatchetSimulation"/>) keep the exactly-once expectations at every step, and converge
/// once the network quiesces. CsCheck prints the seed of a failing run.
/// </summary>
public class RatchetModelTests
{
    [Fact]
    public void Parties_that_crash_back_to_their_last_commit_converge_once_the_network_quiesces()
    {
        RatchetPropertyTests.Actions.Sample(actions =>
        {
            using var simulation = new RatchetSimulation(seed: 43, durable: true);
            simulation.Run(actions);
            simulation.QuiesceAndCheckConvergence();
        }, iter: 150);
    }
}
