namespace Kith.Wire.Devices;

/// <summary>One way to reach a device, as listed in its signed <see cref="DeviceRecord"/>.</summary>
/// <param name="Kind">Onion service or direct TCP.</param>
/// <param name="Host">For <see cref="TransportKind.DirectTcp"/>, a host name or IP literal (ASCII); empty for onion.</param>
/// <param name="Port">The TCP port (for an onion service, its virtual port).</param>
public sealed record DeviceTransport(TransportKind Kind, string Host, ushort Port)
{
    /// <summary>Whether using this transport hides the two ends' network addresses from each other and the network.</summary>
    public bool IsAnonymous => Kind == TransportKind.Onion;

    /// <summary>The device's onion service at <paramref name="virtualPort"/>.</summary>
    public static DeviceTransport Onion(ushort virtualPort) => new(TransportKind.Onion, "", virtualPort);

    /// <summary>A direct TCP address (LAN, development); not anonymous.</summary>
    public static DeviceTransport DirectTcp(string host, ushort port) => new(TransportKind.DirectTcp, host, port);
}
