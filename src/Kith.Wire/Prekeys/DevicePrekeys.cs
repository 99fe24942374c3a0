using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Prekeys;

/// <summary>
/// Everything a device publishes so that others can start a PQXDH session with it while it is offline
/// (Signal PQXDH §3.2, "publishing keys"): the material of its prekey bundles. It travels inside the
/// device record of a contact card, and fresh one-time prekeys travel over live sessions.
/// </summary>
/// <remarks>
/// Kith keeps a separate X25519 identity key (<see cref="IdentityDhKey"/>, PQXDH's <c>IK</c>) bound to
/// the Ed25519 device identity by a signature, as Olm does, instead of converting one key into the other
/// with XEdDSA (PQXDH §2.3 allows either). Signatures are checked by <c>Kith.Protocol.Prekeys.PrekeySignatures</c>;
/// this type only encodes and decodes.
/// </remarks>
public sealed class DevicePrekeys
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Makes a set of public prekeys.</summary>
    public DevicePrekeys(DeviceId device, byte[] identityDhKey, byte[] identityDhKeySignature, SignedPrekey signedPrekey,
        PqPrekey lastResortPqPrekey, IReadOnlyList<PqPrekey> oneTimePqPrekeys, IReadOnlyList<OneTimePrekey> oneTimePrekeys)
    {
        Device = device;
        IdentityDhKey = identityDhKey;
        IdentityDhKeySignature = identityDhKeySignature;
        SignedPrekey = signedPrekey;
        LastResortPqPrekey = lastResortPqPrekey;
        OneTimePqPrekeys = oneTimePqPrekeys;
        OneTimePrekeys = oneTimePrekeys;
    }

    /// <summary>
    /// The same keys without one-time prekeys: what may be handed to several initiators, since a one-time key must
    /// serve one session only (PQXDH §3.4) and PQXDH works without them.
    /// </summary>
    public DevicePrekeys WithoutOneTimeKeys() =>
        new(Device, IdentityDhKey, IdentityDhKeySignature, SignedPrekey, LastResortPqPrekey, [], []);

    /// <summary>The device, i.e. its Ed25519 identity public key, which signs everything below.</summary>
    public DeviceId Device { get; }

    /// <summary>PQXDH's identity key <c>IK</c>: X25519, 32 bytes.</summary>
    public byte[] IdentityDhKey { get; }

    /// <summary>The device identity's signature over <c>PrekeySignatures.IdentityDhKeyPayload</c>.</summary>
    public byte[] IdentityDhKeySignature { get; }

    /// <summary>PQXDH's <c>SPK</c>.</summary>
    public SignedPrekey SignedPrekey { get; }

    /// <summary>PQXDH's last-resort <c>PQSPK</c>.</summary>
    public PqPrekey LastResortPqPrekey { get; }

    /// <summary>PQXDH's one-time <c>PQOPK</c>s (possibly none).</summary>
    public IReadOnlyList<PqPrekey> OneTimePqPrekeys { get; }

    /// <summary>PQXDH's one-time <c>OPK</c>s (possibly none).</summary>
    public IReadOnlyList<OneTimePrekey> OneTimePrekeys { get; }

    /// <summary>Appends the encoding: version, keys, then the counted lists.</summary>
    public void Encode(WireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (OneTimePrekeys.Count > Limits.MaxOneTimePrekeys || OneTimePqPrekeys.Count > Limits.MaxOneTimePqPrekeys)
        {
            throw new InvalidOperationException("Too many one-time prekeys to publish.");
        }

        writer.Byte(Version).Bytes(Device.Span).Bytes(IdentityDhKey).Bytes(IdentityDhKeySignature);
        writer.U32(SignedPrekey.Id).Bytes(SignedPrekey.PublicKey).Bytes(SignedPrekey.Signature);
        PrekeyCodec.WritePq(writer, LastResortPqPrekey);
        writer.Byte((byte)OneTimePqPrekeys.Count);
        foreach (PqPrekey key in OneTimePqPrekeys)
        {
            PrekeyCodec.WritePq(writer, key);
        }

        writer.Byte((byte)OneTimePrekeys.Count);
        foreach (OneTimePrekey key in OneTimePrekeys)
        {
            writer.U32(key.Id).Bytes(key.PublicKey);
        }
    }

    /// <summary>Encodes to a new array.</summary>
    public byte[] ToBytes()
    {
        var writer = new WireWriter(2048);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Reads one encoding from <paramref name="reader"/>; on failure the reader holds the error.</summary>
    public static bool TryRead(ref WireReader reader, out DevicePrekeys? prekeys) => PrekeyCodec.TryReadDevicePrekeys(ref reader, out prekeys);
}
