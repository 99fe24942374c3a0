namespace Kith.Api.Devices;

/// <summary>
/// Links a new device to this account (Kith.Protocol.Linking): on the existing device, <paramref name="Code"/> is
/// the code the new device shows; on the new device, it is null and the response carries the code to show.
/// </summary>
/// <param name="Code">The link code typed or scanned on the existing device; null on the new device.</param>
public sealed record LinkDeviceRequest(string? Code);
