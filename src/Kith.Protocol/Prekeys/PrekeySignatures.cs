using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Wire;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Prekeys;

/// <summary>
/// What a device identity signs to vouch for its prekeys (Signal PQXDH §3.2: <c>Sig(IKB, EncodeEC(SPKB))</c>
/// and <c>Sig(IKB, EncodeKEM(PQSPKB))</c>), with Kith's domain-separation labels so that a signature made
/// for one purpose can never be replayed as another.
/// </summary>
public static class PrekeySignatures
{
    private static ReadOnlySpan<byte> IdentityDhLabel => "Kith v1 identity X25519 key"u8;

    private static ReadOnlySpan<byte> SignedPrekeyLabel => "Kith v1 signed prekey"u8;

    private static ReadOnlySpan<byte> PqPrekeyLabel => "Kith v1 ML-KEM-1024 prekey"u8;

    /// <summary>The bytes signed to bind the X25519 identity key to the device.</summary>
    public static byte[] IdentityDhKeyPayload(ReadOnlySpan<byte> identityDhKey) =>
        new WireWriter(64).Bytes(IdentityDhLabel).Bytes(identityDhKey).ToArray();

    /// <summary>The bytes signed for an X25519 signed prekey: label, id, key.</summary>
    public static byte[] SignedPrekeyPayload(uint id, ReadOnlySpan<byte> publicKey) =>
        new WireWriter(64).Bytes(SignedPrekeyLabel).U32(id).Bytes(publicKey).ToArray();

    /// <summary>The bytes signed for an ML-KEM prekey: label, id, last-resort flag, key.</summary>
    public static byte[] PqPrekeyPayload(uint id, bool isLastResort, ReadOnlySpan<byte> publicKey) =>
        new WireWriter(1600).Bytes(PqPrekeyLabel).U32(id).Byte(isLastResort ? (byte)1 : (byte)0).Bytes(publicKey).ToArray();

    /// <summary>
    /// Checks every signature in <paramref name="prekeys"/> against its device identity. PQXDH §3.3: the
    /// initiator verifies the prekey signatures and aborts if any fails.
    /// </summary>
    public static Result<Unit> Verify(DevicePrekeys prekeys)
    {
        ArgumentNullException.ThrowIfNull(prekeys);
        ReadOnlySpan<byte> device = prekeys.Device.Span;
        if (!Ed25519.Verify(device, IdentityDhKeyPayload(prekeys.IdentityDhKey), prekeys.IdentityDhKeySignature)
            || !Ed25519.Verify(device, SignedPrekeyPayload(prekeys.SignedPrekey.Id, prekeys.SignedPrekey.PublicKey), prekeys.SignedPrekey.Signature)
            || !VerifyPq(device, prekeys.LastResortPqPrekey))
        {
            return PrekeyErrors.BadSignature;
        }

        foreach (PqPrekey key in prekeys.OneTimePqPrekeys)
        {
            if (!VerifyPq(device, key))
            {
                return PrekeyErrors.BadSignature;
            }
        }

        return Result.Ok();
    }

    private static bool VerifyPq(ReadOnlySpan<byte> device, PqPrekey key) =>
        Ed25519.Verify(device, PqPrekeyPayload(key.Id, key.IsLastResort, key.PublicKey), key.Signature);
}
