using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Prekeys;

namespace Kith.Wire.Devices;

/// <summary>
/// A device's signed statement of how to reach it and encrypt to it: its identity (the <see cref="DeviceId"/>,
/// an Ed25519 key), the Ed25519 key of its Tor onion service, the transports it offers and, optionally, its
/// published prekeys. The onion key is separate from the identity key (PROTOCOL.md, onion services) and
/// signs the device id, so a record cannot claim an onion service its device does not hold; the identity
/// key signs everything else.
/// </summary>
/// <remarks>
/// The prekeys are outside the record's signature: each prekey is signed on its own (PQXDH §3.2), and a
/// contact card may leave them out to fit a QR code without breaking the record. Signing and checking are in
/// <c>Kith.Protocol.Devices.DeviceRecords</c>; this type only encodes and decodes.
/// </remarks>
public sealed class DeviceRecord
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Size of the Ed25519 onion service public key (rend-spec-v3 §1.1, <c>KP_hs_id</c>).</summary>
    public const int OnionKeySize = 32;

    /// <summary>Ed25519 signature size.</summary>
    public const int SignatureSize = 64;

    /// <summary>Makes a record.</summary>
    public DeviceRecord(DeviceId device, byte[] onionKey, byte[] onionSignature, long issuedAtUnixMs,
        IReadOnlyList<DeviceTransport> transports, byte[] signature, DevicePrekeys? prekeys)
    {
        Device = device;
        OnionKey = onionKey;
        OnionSignature = onionSignature;
        IssuedAtUnixMs = issuedAtUnixMs;
        Transports = transports;
        Signature = signature;
        Prekeys = prekeys;
    }

    /// <summary>The device identity (Ed25519 public key).</summary>
    public DeviceId Device { get; }

    /// <summary>The onion service's Ed25519 public key (<c>KP_hs_id</c>); the .onion address encodes it.</summary>
    public byte[] OnionKey { get; }

    /// <summary>The onion key's signature over the device id (proof that the device holds that service).</summary>
    public byte[] OnionSignature { get; }

    /// <summary>When the device issued this record; a newer record of the same device replaces an older one.</summary>
    public long IssuedAtUnixMs { get; }

    /// <summary>The transports offered, most preferred first.</summary>
    public IReadOnlyList<DeviceTransport> Transports { get; }

    /// <summary>The device identity's signature over the record (everything but the prekeys).</summary>
    public byte[] Signature { get; }

    /// <summary>The device's published prekeys, or null when this copy of the record carries none.</summary>
    public DevicePrekeys? Prekeys { get; }

    /// <summary>The same record without prekeys (its signature still holds).</summary>
    public DeviceRecord WithoutPrekeys() => new(Device, OnionKey, OnionSignature, IssuedAtUnixMs, Transports, Signature, null);

    /// <summary>The same record carrying <paramref name="prekeys"/> (checked separately by their own signatures).</summary>
    public DeviceRecord WithPrekeys(DevicePrekeys? prekeys) => new(Device, OnionKey, OnionSignature, IssuedAtUnixMs, Transports, Signature, prekeys);

    /// <summary>The bytes the identity key signs: everything up to the signature, after a domain label.</summary>
    public static byte[] SignedPayload(DeviceId device, ReadOnlySpan<byte> onionKey, ReadOnlySpan<byte> onionSignature,
        long issuedAtUnixMs, IReadOnlyList<DeviceTransport> transports)
    {
        ArgumentNullException.ThrowIfNull(transports);
        var writer = new WireWriter(256).Bytes("Kith v1 device record"u8);
        WriteUnsigned(writer, device, onionKey, onionSignature, issuedAtUnixMs, transports);
        return writer.ToArray();
    }

    /// <summary>The bytes the onion key signs: a domain label and the device id.</summary>
    public static byte[] OnionBindingPayload(DeviceId device) =>
        new WireWriter(64).Bytes("Kith v1 onion service of device"u8).Bytes(device.Span).ToArray();

    /// <summary>Appends the encoding: version, signed fields, signature, then a prekeys flag and the prekeys.</summary>
    public void Encode(WireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteUnsigned(writer, Device, OnionKey, OnionSignature, IssuedAtUnixMs, Transports);
        writer.Bytes(Signature);
        if (Prekeys is null)
        {
            writer.Byte(0);
        }
        else
        {
            writer.Byte(1);
            Prekeys.Encode(writer);
        }
    }

    /// <summary>Encodes to a new array.</summary>
    public byte[] ToBytes()
    {
        var writer = new WireWriter(Prekeys is null ? 256 : 2304);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes exactly one record from untrusted bytes.</summary>
    public static Result<DeviceRecord> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxDeviceRecordSize)
        {
            return WireErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        return DeviceRecordCodec.TryRead(ref reader, out DeviceRecord? record) && reader.TryFinish(out _)
            ? record!
            : reader.Error!;
    }

    private static void WriteUnsigned(WireWriter writer, DeviceId device, ReadOnlySpan<byte> onionKey,
        ReadOnlySpan<byte> onionSignature, long issuedAtUnixMs, IReadOnlyList<DeviceTransport> transports)
    {
        if (onionKey.Length != OnionKeySize || onionSignature.Length != SignatureSize
            || transports.Count is 0 or > Limits.MaxDeviceTransports || issuedAtUnixMs < 0)
        {
            throw new ArgumentException("A device record needs a 32-byte onion key, its signature and 1 to 4 transports.");
        }

        writer.Byte(Version).Bytes(device.Span).Bytes(onionKey).Bytes(onionSignature).U64((ulong)issuedAtUnixMs);
        writer.Byte((byte)transports.Count);
        foreach (DeviceTransport transport in transports)
        {
            DeviceRecordCodec.WriteTransport(writer, transport);
        }
    }
}
