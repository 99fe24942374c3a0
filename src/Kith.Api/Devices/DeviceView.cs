namespace Kith.Api.Devices;

/// <summary>One device of this account.</summary>
/// <param name="DeviceId">The device id (hex).</param>
/// <param name="OnionAddress">Its onion service, when its record is known.</param>
/// <param name="ThisDevice">Whether it is the device serving this API.</param>
/// <param name="Revoked">Whether the account log revoked it.</param>
public sealed record DeviceView(string DeviceId, string? OnionAddress, bool ThisDevice, bool Revoked);
