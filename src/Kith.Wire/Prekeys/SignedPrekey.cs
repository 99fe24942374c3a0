namespace Kith.Wire.Prekeys;

/// <summary>
/// A signed X25519 prekey, PQXDH's <c>SPK</c> (Signal PQXDH §2.3, §3.2): medium-term, replaced
/// periodically, signed by the device's Ed25519 identity key.
/// </summary>
/// <param name="Id">The device's identifier for this prekey, echoed by the initiator.</param>
/// <param name="PublicKey">The X25519 public key (32 bytes).</param>
/// <param name="Signature">Ed25519 signature by the device identity key over <c>PrekeySignatures.SignedPrekeyPayload</c>.</param>
public sealed record SignedPrekey(uint Id, byte[] PublicKey, byte[] Signature);
