namespace Kith.Api.Devices;

/// <summary>
/// Links a new device to this account (Kith.Protocol.Linking): on the existing device, <paramref name="Code"/> is
/// the code the new device shows; on the new device, it is null and the response carries the code to show.
/// </summary>
/// <param name="Code">The link code typed or scanned on the existing device; null on the new device.</param>
/// <param name="Confirm">
/// The six digits the person saw on the other device: the link continues only if they equal this device's
/// confirmation code (otherwise it fails and nothing changes). On the new device, with a null
/// <paramref name="Code"/>, it confirms the live link instead of starting a new one.
/// </param>
public sealed record LinkDeviceRequest(string? Code, string? Confirm = null);
