using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Pqxdh;

/// <summary>The responder ("Bob") of PQXDH: Signal PQXDH §3.4, "Receiving the initial message".</summary>
public static class PqxdhResponder
{
    /// <summary>
    /// Repeats the initiator's computation (§3.4): checks that <c>IK_A</c> is signed by the device the
    /// header names, loads the private keys of the prekeys the header names, computes the same DH values
    /// and <c>SS = PQKEM-DEC(PQPK_B, CT)</c>, and derives <c>SK</c> and <c>AD</c>.
    /// </summary>
    /// <remarks>
    /// Changes no state: one-time prekeys are deleted only by <see cref="PqxdhResponse.CommitConsumedPrekeys"/>.
    /// A tampered <c>CT</c> is not detected here: ML-KEM's implicit rejection (FIPS 203 §7.3) yields an
    /// unrelated <c>SS</c>, hence an unrelated <c>SK</c>, and the first ratchet message fails to decrypt.
    /// </remarks>
    /// <param name="responder">The responder's prekey secrets; read only.</param>
    /// <param name="header">The untrusted header of the initial message.</param>
    public static Result<PqxdhResponse> Respond(DevicePrekeySecrets responder, PqxdhInitialHeader header)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(header);

        if (!Ed25519.Verify(header.InitiatorDevice.Span, PrekeySignatures.IdentityDhKeyPayload(header.IdentityDhKey), header.IdentityDhKeySignature))
        {
            return PqxdhErrors.BadInitiatorSignature;
        }

        SecretBytes? pqSeed = responder.FindPq(header.PqPrekeyId);
        SecretBytes? oneTime = header.OneTimePrekeyId is uint oneTimeId ? responder.FindOneTime(oneTimeId) : null;
        if (header.SignedPrekeyId != responder.Published.SignedPrekey.Id || pqSeed is null
            || (header.OneTimePrekeyId is not null && oneTime is null))
        {
            return PqxdhErrors.UnknownPrekey;
        }

        using SecretBytes keyMaterial = PqxdhKeyDerivation.NewKeyMaterial(oneTime is not null);
        ReadOnlySpan<byte> signedPrekey = responder.SignedPrekeyPrivateKey.Span;
        if (!X25519.TryAgree(signedPrekey, header.IdentityDhKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 1))
            || !X25519.TryAgree(responder.IdentityDhPrivateKey.Span, header.EphemeralKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 2))
            || !X25519.TryAgree(signedPrekey, header.EphemeralKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 3))
            || (oneTime is not null && !X25519.TryAgree(oneTime.Span, header.EphemeralKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 4))))
        {
            return PqxdhErrors.LowOrderKey;
        }

        if (!MlKem1024.TryDecapsulate(pqSeed.Span, header.KemCiphertext, PqxdhKeyDerivation.KemSecretSlot(keyMaterial)))
        {
            return PqxdhErrors.BadKemCiphertext;
        }

        SecretBytes sharedKey = PqxdhKeyDerivation.DeriveSharedKey(keyMaterial);
        byte[] associatedData = PqxdhKeyDerivation.AssociatedData(
            header.IdentityDhKey, responder.Published.IdentityDhKey, header.InitiatorDevice, responder.Published.Device);
        bool lastResort = header.PqPrekeyId == responder.Published.LastResortPqPrekey.Id;
        return new PqxdhResponse(sharedKey, associatedData, responder.Published.Device, header.InitiatorDevice,
            (byte[])header.IdentityDhKey.Clone(), (byte[])header.EphemeralKey.Clone(),
            X25519KeyPair.FromPrivateKey(responder.SignedPrekeyPrivateKey.Span),
            header.OneTimePrekeyId, lastResort ? null : header.PqPrekeyId);
    }
}
