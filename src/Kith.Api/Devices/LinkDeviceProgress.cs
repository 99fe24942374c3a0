namespace Kith.Api.Devices;

/// <summary>Where a device link stands.</summary>
/// <param name="Code">The code the new device shows, until it is used.</param>
/// <param name="State">Waiting for the other side, waiting for the person to compare codes, done, or failed.</param>
/// <param name="Problem">One sentence when it failed.</param>
/// <param name="ConfirmationCode">The six digits to compare with the other device's, once both sides know them.</param>
/// <param name="Confirmed">Whether this device's person has confirmed the digits.</param>
/// <param name="QrText">The code as a QR code for a terminal, while <paramref name="Code"/> is shown.</param>
public sealed record LinkDeviceProgress(string? Code, LinkState State, string? Problem, string? ConfirmationCode = null, bool Confirmed = false,
    string? QrText = null);
