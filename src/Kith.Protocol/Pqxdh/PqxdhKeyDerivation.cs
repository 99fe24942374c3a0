using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire;

namespace Kith.Protocol.Pqxdh;

/// <summary>
/// The two derivations both sides of PQXDH perform: <c>SK = KDF(KM)</c> (Signal PQXDH §2.2) and the
/// associated data <c>AD</c> (§3.3).
/// </summary>
internal static class PqxdhKeyDerivation
{
    /// <summary>Size of the prefix <c>F</c> for curve25519 (§2.2: 32 0xFF bytes).</summary>
    internal const int PrefixSize = 32;

    private const int SlotSize = 32;

    /// <summary>
    /// A zeroing buffer laid out as <c>F ‖ DH1 ‖ DH2 ‖ DH3 [‖ DH4] ‖ SS</c>, with <c>F</c> already written.
    /// §2.2: <c>F</c> makes sure the first bits of the HKDF input are never a valid scalar or point encoding.
    /// </summary>
    internal static SecretBytes NewKeyMaterial(bool withOneTimePrekey)
    {
        int diffieHellmanCount = withOneTimePrekey ? 4 : 3;
        var keyMaterial = new SecretBytes(PrefixSize + (diffieHellmanCount * SlotSize) + MlKem1024.SharedSecretSize);
        keyMaterial.AsSpan()[..PrefixSize].Fill(0xFF);
        return keyMaterial;
    }

    /// <summary>The slot of <c>DH<paramref name="index"/></c> (1 to 4) in <paramref name="keyMaterial"/>.</summary>
    internal static Span<byte> DiffieHellmanSlot(SecretBytes keyMaterial, int index) =>
        keyMaterial.AsSpan().Slice(PrefixSize + ((index - 1) * SlotSize), SlotSize);

    /// <summary>The slot of the pqkem shared secret <c>SS</c>, always last.</summary>
    internal static Span<byte> KemSecretSlot(SecretBytes keyMaterial) =>
        keyMaterial.AsSpan()[^MlKem1024.SharedSecretSize..];

    /// <summary>
    /// <c>KDF(KM)</c> of §2.2: 32 bytes of HKDF-SHA-256 with input key material <c>F ‖ KM</c> (already laid
    /// out by <see cref="NewKeyMaterial"/>), a salt of 32 zero bytes and info <see cref="PqxdhParameters.KdfInfo"/>.
    /// </summary>
    internal static SecretBytes DeriveSharedKey(SecretBytes keyMaterial)
    {
        var sharedKey = new SecretBytes(HkdfSha256.HashSize);
        Span<byte> salt = stackalloc byte[HkdfSha256.HashSize];
        salt.Clear();
        HkdfSha256.DeriveKey(keyMaterial.Span, salt, PqxdhParameters.KdfInfo, sharedKey.AsSpan());
        return sharedKey;
    }

    /// <summary>
    /// <c>AD = EncodeEC(IK_A) ‖ EncodeEC(IK_B)</c> (§3.3), followed by the initiator's and the responder's
    /// Ed25519 device ids. §3.3 lets the application append identifying information; Kith appends the device
    /// ids because its X25519 identity keys are vouched for by those keys, so the ratchet's associated data
    /// names the two long-term identities that the users compare, not only the X25519 keys bound to them.
    /// </summary>
    internal static byte[] AssociatedData(ReadOnlySpan<byte> initiatorIdentityKey, ReadOnlySpan<byte> responderIdentityKey,
        DeviceId initiatorDevice, DeviceId responderDevice) =>
        new WireWriter(PqxdhParameters.AssociatedDataSize)
            .Byte(PqxdhParameters.Curve25519Type).Bytes(initiatorIdentityKey)
            .Byte(PqxdhParameters.Curve25519Type).Bytes(responderIdentityKey)
            .Bytes(initiatorDevice.Span).Bytes(responderDevice.Span)
            .ToArray();
}
