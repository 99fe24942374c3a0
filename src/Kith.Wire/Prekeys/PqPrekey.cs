namespace Kith.Wire.Prekeys;

/// <summary>
/// A signed ML-KEM-1024 prekey, PQXDH's <c>PQSPK</c> (last resort) or <c>PQOPK</c> (one-time)
/// (Signal PQXDH §2.3, §3.2). Both kinds are signed by the device identity key.
/// </summary>
/// <param name="Id">The device's identifier for this prekey.</param>
/// <param name="PublicKey">The ML-KEM-1024 encapsulation key (1,568 bytes).</param>
/// <param name="Signature">Ed25519 signature by the device identity key over <c>PrekeySignatures.PqPrekeyPayload</c>.</param>
/// <param name="IsLastResort">True for the last-resort key, which may be used more than once.</param>
public sealed record PqPrekey(uint Id, byte[] PublicKey, byte[] Signature, bool IsLastResort);
