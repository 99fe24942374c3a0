namespace Kith.Wire.Prekeys;

/// <summary>A one-time X25519 prekey, PQXDH's <c>OPK</c> (Signal PQXDH §2.3); unsigned, as in the spec.</summary>
/// <param name="Id">The device's identifier for this prekey.</param>
/// <param name="PublicKey">The X25519 public key (32 bytes).</param>
public sealed record OneTimePrekey(uint Id, byte[] PublicKey);
