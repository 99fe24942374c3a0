using Kith.Wire.Onion;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Wire.Devices;

namespace Kith.Protocol.Devices;

/// <summary>Checks the signatures of a <see cref="DeviceRecord"/> (the binding of identity, onion key and transports).</summary>
public static class DeviceRecords
{
    /// <summary>
    /// Verifies the onion key's signature over the device id, the identity's signature over the record, and,
    /// when present, every prekey signature (PQXDH §3.3: abort if any fails).
    /// </summary>
    public static Result<Unit> Verify(DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] payload = DeviceRecord.SignedPayload(record.Device, record.OnionKey, record.OnionSignature, record.IssuedAtUnixMs, record.Transports);
        if (!Ed25519.Verify(record.OnionKey, DeviceRecord.OnionBindingPayload(record.Device), record.OnionSignature)
            || !Ed25519.Verify(record.Device.Span, payload, record.Signature))
        {
            return DeviceErrors.BadSignature;
        }

        return record.Prekeys is null ? Result.Ok() : PrekeySignatures.Verify(record.Prekeys);
    }

    /// <summary>The onion address the record's device serves.</summary>
    public static OnionAddress OnionAddressOf(DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return OnionAddress.FromPublicKey(record.OnionKey);
    }
}
