using Kith.Primitives.Errors;

namespace Kith.Protocol.Devices;

/// <summary>Errors about device records and onion addresses.</summary>
public static class DeviceErrors
{
    /// <summary>A device record's signature or onion binding does not verify.</summary>
    public static readonly KithError BadSignature = new("device.bad_signature", ErrorScope.Peer, false,
        "A device record is not signed by its device, or its onion service does not vouch for the device.");

    /// <summary>The device's stored key blob cannot be read (written by another version, or a bug).</summary>
    public static readonly KithError BadKeyState = new("device.bad_key_state", ErrorScope.Local, false,
        "This device's stored keys cannot be read by this version of Kith.");
}
