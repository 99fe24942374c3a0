namespace Kith.Transport;

/// <summary>
/// How a link reaches its peer. The value is part of the handshake prologue, so both ends must agree on it: a link
/// cannot be presented as onion on one side and direct on the other. Explicit values: they go on the wire.
/// </summary>
public enum LinkKind
{
    /// <summary>Through a tor onion service (rend-spec-v3): neither side learns the other's IP address.</summary>
    Onion = 1,

    /// <summary>Plain TCP for development and LAN use. NOT ANONYMOUS: the peer sees this device's IP address.</summary>
    DirectTcp = 2,
}
