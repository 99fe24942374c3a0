namespace Kith.Api.Status;

/// <summary>What <c>kith status</c> shows: how this node reaches others and how far it got.</summary>
/// <param name="Mode">How peers reach this node.</param>
/// <param name="Anonymous">False in <see cref="NodeMode.Direct"/>: peers and the network see this device's IP address.</param>
/// <param name="Tor">Tor's progress; null in direct mode.</param>
/// <param name="OnionAddress">The onion service peers dial, once published; null before that and in direct mode.</param>
/// <param name="DirectEndPoint">The loopback address peers dial in direct mode; null otherwise.</param>
/// <param name="AccountId">This account's id (hex).</param>
/// <param name="DeviceId">This device's id (hex).</param>
/// <param name="DisplayName">The name this account gives itself.</param>
/// <param name="PeersOnline">Devices with a live link now (filled by the engine; 0 until it runs).</param>
/// <param name="OutboxPending">Deliveries waiting for an acknowledgement (filled by the engine; 0 until it runs).</param>
public sealed record NodeStatus(NodeMode Mode, bool Anonymous, TorStatus? Tor, string? OnionAddress, string? DirectEndPoint,
    string AccountId, string DeviceId, string DisplayName, int PeersOnline, int OutboxPending);
