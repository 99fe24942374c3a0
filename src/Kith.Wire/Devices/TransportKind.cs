namespace Kith.Wire.Devices;

/// <summary>How a device can be reached. Persisted and on the wire: values are fixed.</summary>
public enum TransportKind
{
    /// <summary>The device's Tor v3 onion service (rend-spec-v3); the address comes from the record's onion key.</summary>
    Onion = 1,

    /// <summary>
    /// Plain TCP to a host and port, for a LAN or development. It reveals both ends' network addresses,
    /// so it is never anonymous.
    /// </summary>
    DirectTcp = 2,
}
