using Kith.Primitives.Ids;
using Kith.Simulation.Replicas;

namespace Kith.Simulation.World;

/// <summary>The world's record of one device: its replica, whether it is up, its clock skew, and its sync session with each peer.</summary>
internal sealed class SimNode(int index, int account, ISimReplica replica, long clockSkewMs, int devices)
{
    public int Index { get; } = index;

    public int Account { get; } = account;

    public ISimReplica Replica { get; } = replica;

    public DeviceId Device => Replica.Device;

    public long ClockSkewMs { get; } = clockSkewMs;

    public bool Up { get; set; } = true;

    /// <summary>
    /// The session id in use with each peer (0: none). A message of an older session is stale and dropped; one
    /// of a newer session makes this device start its side of that session first, as a transport accepting a
    /// new connection would.
    /// </summary>
    public long[] Sessions { get; } = new long[devices];

    public override string ToString() => $"device {Index} (account {Account})";
}
