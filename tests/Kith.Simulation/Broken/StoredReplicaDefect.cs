namespace Kith.Simulation.Broken;

/// <summary>Defects that can be switched on inside the stored replica, for the tests that prove the simulator catches them.</summary>
internal enum StoredReplicaDefect
{
    None = 0,

    /// <summary>Events accepted from peers are never written to the store, so a restart loses them.</summary>
    ForgetsReceivedEvents = 1,

    /// <summary>A send stores its event but not the advanced chain, so after a restart the chain reuses message keys.</summary>
    ForgetsChainIndex = 2,
}
