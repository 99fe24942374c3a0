using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Pqxdh;

/// <summary>The initiator ("Alice") of PQXDH: Signal PQXDH §3.3, "Sending the initial message".</summary>
public static class PqxdhInitiator
{
    /// <summary>
    /// Runs §3.3 against a verified <paramref name="bundle"/>: generates <c>EK_A</c>, computes
    /// <c>DH1 = DH(IK_A, SPK_B)</c>, <c>DH2 = DH(EK_A, IK_B)</c>, <c>DH3 = DH(EK_A, SPK_B)</c> and, if the
    /// bundle has one, <c>DH4 = DH(EK_A, OPK_B)</c>; encapsulates <c>(CT, SS) = PQKEM-ENC(PQPK_B)</c>;
    /// derives <c>SK = KDF(DH1 ‖ DH2 ‖ DH3 [‖ DH4] ‖ SS)</c> and <c>AD</c>.
    /// </summary>
    /// <param name="initiator">The initiating device's own keys: <c>IK_A</c>, its binding signature and device id.</param>
    /// <param name="bundle">The responder's bundle, already verified by <see cref="PrekeyBundle.Select(Kith.Primitives.Ids.DeviceId, Kith.Wire.Prekeys.DevicePrekeys)"/>.</param>
    /// <param name="random">Source of <c>EK_A</c> and of the ML-KEM encapsulation randomness.</param>
    /// <returns>The initiation, or an error if a published key is unusable (low-order X25519 key, invalid ML-KEM key).</returns>
    public static Result<PqxdhInitiation> Initiate(DevicePrekeySecrets initiator, PrekeyBundle bundle, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(initiator);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(random);

        using var ephemeral = X25519KeyPair.Generate(random);
        using SecretBytes keyMaterial = PqxdhKeyDerivation.NewKeyMaterial(bundle.OneTimePrekey is not null);
        byte[] signedPrekey = bundle.SignedPrekey.PublicKey;
        if (!X25519.TryAgree(initiator.IdentityDhPrivateKey.Span, signedPrekey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 1))
            || !ephemeral.TryAgree(bundle.IdentityDhKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 2))
            || !ephemeral.TryAgree(signedPrekey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 3))
            || (bundle.OneTimePrekey is { } oneTime && !ephemeral.TryAgree(oneTime.PublicKey, PqxdhKeyDerivation.DiffieHellmanSlot(keyMaterial, 4))))
        {
            return PqxdhErrors.LowOrderPrekey;
        }

        byte[] ciphertext = new byte[MlKem1024.CiphertextSize];
        if (!MlKem1024.TryEncapsulate(bundle.PqPrekey.PublicKey, random, ciphertext, PqxdhKeyDerivation.KemSecretSlot(keyMaterial)))
        {
            return PqxdhErrors.BadKemPrekey;
        }

        SecretBytes sharedKey = PqxdhKeyDerivation.DeriveSharedKey(keyMaterial);
        byte[] associatedData = PqxdhKeyDerivation.AssociatedData(
            initiator.Published.IdentityDhKey, bundle.IdentityDhKey, initiator.Published.Device, bundle.Device);
        var header = new PqxdhInitialHeader(initiator.Published.Device, (byte[])initiator.Published.IdentityDhKey.Clone(),
            (byte[])initiator.Published.IdentityDhKeySignature.Clone(), ephemeral.PublicKeyBytes,
            bundle.SignedPrekey.Id, bundle.PqPrekey.Id, bundle.OneTimePrekey?.Id, ciphertext);
        return new PqxdhInitiation(sharedKey, associatedData, header, bundle);
    }
}
