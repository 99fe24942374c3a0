namespace Kith.Api.Devices;

/// <summary>Revokes one of this account's devices: it receives nothing sent afterwards.</summary>
/// <param name="DeviceId">The device (hex, or a unique prefix of 8 or more digits).</param>
public sealed record RevokeDeviceRequest(string DeviceId);
