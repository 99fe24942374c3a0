using Kith.Primitives.Ids;

namespace Kith.Wire.Pqxdh;

/// <summary>
/// The key-agreement part of a PQXDH initial message (Signal PQXDH §3.3, "Alice then sends Bob an initial
/// message containing"): the initiator's identity key <c>IK_A</c>, her ephemeral key <c>EK_A</c>, the
/// pqkem ciphertext <c>CT</c>, and the identifiers of the responder's prekeys she used. Kith adds the
/// initiator's device id and the device's signature binding <c>IK_A</c> to it, because Kith keeps a separate
/// X25519 identity key per device instead of XEdDSA (see <c>DevicePrekeys</c>).
/// </summary>
/// <remarks>
/// <para>The decoder accepts only canonical X25519 encodings (u below 2^255 − 19, bit 255 clear). RFC 7748 §5
/// has receivers ignore bit 255, so without this check flipping that bit of <c>EK_A</c> would give a second
/// message deriving the same <c>SK</c>, and a replay check keyed on <c>EK_A</c> could be sidestepped.</para>
/// <para>The header is kept apart from the first ratchet message so that an initiator can attach it to every
/// message until the responder answers (as Signal and Sesame §5.2 do). This type only carries bytes; the
/// signature and the keys' usefulness are checked by <c>Kith.Protocol.Pqxdh.PqxdhResponder</c>.</para>
/// </remarks>
public sealed class PqxdhInitialHeader
{
    /// <summary>Current encoding version, the first byte of an initial message.</summary>
    public const byte Version = 1;

    /// <summary>Encoded size without a one-time prekey: version, device, IK, signature, EK, two ids, flag, CT.</summary>
    public const int SizeWithoutOneTimePrekey = 1 + DeviceId.Size + PqxdhSizes.X25519Key + PqxdhSizes.Signature
        + PqxdhSizes.X25519Key + 4 + 4 + 1 + PqxdhSizes.KemCiphertext;

    /// <summary>Encoded size with a one-time prekey id.</summary>
    public const int SizeWithOneTimePrekey = SizeWithoutOneTimePrekey + 4;

    /// <summary>Makes a header; lengths are checked because a wrong length here is a caller bug.</summary>
    public PqxdhInitialHeader(DeviceId initiatorDevice, byte[] identityDhKey, byte[] identityDhKeySignature, byte[] ephemeralKey,
        uint signedPrekeyId, uint pqPrekeyId, uint? oneTimePrekeyId, byte[] kemCiphertext)
    {
        PqxdhSizes.Check(identityDhKey, PqxdhSizes.X25519Key, nameof(identityDhKey));
        PqxdhSizes.Check(identityDhKeySignature, PqxdhSizes.Signature, nameof(identityDhKeySignature));
        PqxdhSizes.Check(ephemeralKey, PqxdhSizes.X25519Key, nameof(ephemeralKey));
        PqxdhSizes.Check(kemCiphertext, PqxdhSizes.KemCiphertext, nameof(kemCiphertext));
        InitiatorDevice = initiatorDevice;
        IdentityDhKey = identityDhKey;
        IdentityDhKeySignature = identityDhKeySignature;
        EphemeralKey = ephemeralKey;
        SignedPrekeyId = signedPrekeyId;
        PqPrekeyId = pqPrekeyId;
        OneTimePrekeyId = oneTimePrekeyId;
        KemCiphertext = kemCiphertext;
    }

    /// <summary>The initiator's device (its Ed25519 identity key), which signed <see cref="IdentityDhKey"/>.</summary>
    public DeviceId InitiatorDevice { get; }

    /// <summary>PQXDH's <c>IK_A</c>: the initiator's X25519 identity key (32 bytes).</summary>
    public byte[] IdentityDhKey { get; }

    /// <summary>The initiator device's signature over <c>PrekeySignatures.IdentityDhKeyPayload(IK_A)</c> (64 bytes).</summary>
    public byte[] IdentityDhKeySignature { get; }

    /// <summary>PQXDH's <c>EK_A</c>: the initiator's ephemeral X25519 public key (32 bytes).</summary>
    public byte[] EphemeralKey { get; }

    /// <summary>Identifier of the responder's signed prekey <c>SPK_B</c> that was used.</summary>
    public uint SignedPrekeyId { get; }

    /// <summary>Identifier of the responder's ML-KEM prekey that was used (a one-time <c>PQOPK_B</c> or the last-resort <c>PQSPK_B</c>).</summary>
    public uint PqPrekeyId { get; }

    /// <summary>Identifier of the responder's one-time prekey <c>OPK_B</c>, or <c>null</c> if the bundle had none.</summary>
    public uint? OneTimePrekeyId { get; }

    /// <summary>PQXDH's <c>CT</c>: the ML-KEM-1024 ciphertext (1,568 bytes).</summary>
    public byte[] KemCiphertext { get; }

    /// <summary>The size of this header's encoding.</summary>
    public int EncodedSize => OneTimePrekeyId is null ? SizeWithoutOneTimePrekey : SizeWithOneTimePrekey;

    /// <summary>Appends the encoding: version, device, <c>IK_A</c>, signature, <c>EK_A</c>, ids, flag [, OPK id], <c>CT</c>.</summary>
    public void Encode(WireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Byte(Version).Bytes(InitiatorDevice.Span).Bytes(IdentityDhKey).Bytes(IdentityDhKeySignature).Bytes(EphemeralKey)
            .U32(SignedPrekeyId).U32(PqPrekeyId);
        if (OneTimePrekeyId is uint oneTime)
        {
            writer.Byte(1).U32(oneTime);
        }
        else
        {
            writer.Byte(0);
        }

        writer.Bytes(KemCiphertext);
    }

    /// <summary>Reads one header from <paramref name="reader"/>; on failure the reader holds the error.</summary>
    public static bool TryRead(ref WireReader reader, out PqxdhInitialHeader? header)
    {
        header = null;
        if (!reader.TryReadByte(out byte version))
        {
            return false;
        }

        if (version != Version)
        {
            return reader.Fail(WireErrors.UnknownVersion);
        }

        if (!reader.TryReadSpan(DeviceId.Size, out ReadOnlySpan<byte> device)
            || !reader.TryReadSpan(PqxdhSizes.X25519Key, out ReadOnlySpan<byte> identity)
            || !reader.TryReadSpan(PqxdhSizes.Signature, out ReadOnlySpan<byte> signature)
            || !reader.TryReadSpan(PqxdhSizes.X25519Key, out ReadOnlySpan<byte> ephemeral)
            || !reader.TryReadUInt32(out uint signedPrekeyId)
            || !reader.TryReadUInt32(out uint pqPrekeyId)
            || !TryReadOptionalId(ref reader, out uint? oneTimePrekeyId)
            || !reader.TryReadSpan(PqxdhSizes.KemCiphertext, out ReadOnlySpan<byte> ciphertext))
        {
            return false;
        }

        if (!PqxdhSizes.IsCanonicalX25519(identity) || !PqxdhSizes.IsCanonicalX25519(ephemeral))
        {
            return reader.Fail(WireErrors.Malformed);
        }

        header = new PqxdhInitialHeader(DeviceId.FromBytes(device), identity.ToArray(), signature.ToArray(), ephemeral.ToArray(),
            signedPrekeyId, pqPrekeyId, oneTimePrekeyId, ciphertext.ToArray());
        return true;
    }

    /// <summary>Prints the ids only.</summary>
    public override string ToString() =>
        $"PqxdhInitialHeader(from {InitiatorDevice}, SPK {SignedPrekeyId}, PQ {PqPrekeyId}, OPK {OneTimePrekeyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";

    private static bool TryReadOptionalId(ref WireReader reader, out uint? id)
    {
        id = null;
        if (!reader.TryReadByte(out byte present))
        {
            return false;
        }

        switch (present)
        {
            case 0:
                return true;
            case 1:
                if (!reader.TryReadUInt32(out uint value))
                {
                    return false;
                }

                id = value;
                return true;
            default:
                return reader.Fail(WireErrors.Malformed);
        }
    }
}
