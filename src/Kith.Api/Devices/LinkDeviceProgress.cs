namespace Kith.Api.Devices;

/// <summary>Where a device link stands.</summary>
/// <param name="Code">The code the new device shows, until it is used.</param>
/// <param name="State">Waiting for the other side, done, or failed.</param>
/// <param name="Problem">One sentence when it failed.</param>
public sealed record LinkDeviceProgress(string? Code, LinkState State, string? Problem);
