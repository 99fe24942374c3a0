using Kith.Primitives.Ids;
using Kith.Simulation.World;

namespace Kith.Simulation.Replicas;

/// <summary>
/// What the world hands a new device: its identity, its store's folder, the conversation's directory, a seed
/// for its keys, every device of the run (so a deliberately broken variant can pick a victim), and the capacity
/// of its log's pending set.
/// </summary>
internal sealed record ReplicaSetup(int Index, DeviceId Device, string Folder, SimDirectory Directory, ulong Seed,
    long NowUnixMs, IReadOnlyList<DeviceId> AllDevices, int MaxPendingEvents);
