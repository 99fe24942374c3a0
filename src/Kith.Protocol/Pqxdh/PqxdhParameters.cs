namespace Kith.Protocol.Pqxdh;

/// <summary>
/// Kith's choice of PQXDH parameters (Signal PQXDH §2.1): curve = curve25519, hash = SHA-256,
/// pqkem = ML-KEM-1024 (FIPS 203), info = <c>KithPQXDH</c>, and the encodings used in the associated data.
/// </summary>
/// <remarks>
/// <para>§2.1 asks for an application <c>info</c> of at least 8 ASCII bytes, so Kith's is <c>KithPQXDH</c> (9
/// bytes) rather than the shorter <c>Kith</c>. The HKDF info is then built as §2.2 says: the four parameters
/// joined with <c>_</c>.</para>
/// <para>The associated data is §3.3's <c>EncodeEC(IK_A) ‖ EncodeEC(IK_B)</c> followed by the initiator's and the
/// responder's Ed25519 device ids (§3.3 lets the application append identifying information): Kith's X25519
/// identity keys are only vouched for by those device keys, which are what users compare.</para>
/// <para>Kith's signatures cover a distinct label per key kind (<c>PrekeySignatures</c>) instead of §2.1's type
/// bytes, so a signature on one kind of key never verifies as a signature on another. ML-KEM's shared secret depends on a
/// hash of the encapsulation key (FIPS 203 §6.2, <c>K = G(m ‖ H(ek))</c>), so <c>SS</c> is bound to <c>PQPK_B</c>.</para>
/// </remarks>
public static class PqxdhParameters
{
    /// <summary>The application <c>info</c> parameter (§2.1).</summary>
    public const string Info = "KithPQXDH";

    /// <summary>The HKDF info string of <c>KDF</c> (§2.2): <c>info_curve_hash_pqkem</c>.</summary>
    public const string KdfInfoText = Info + "_CURVE25519_SHA-256_ML-KEM-1024";

    /// <summary>
    /// The single-byte representation of curve25519 that starts <c>EncodeEC</c> (§2.1: "a single-byte
    /// constant representation of curve followed by little-endian encoding of the u-coordinate"). The
    /// value is libsignal's, so that encodings read the same to anyone who knows that code base.
    /// </summary>
    public const byte Curve25519Type = 0x05;

    /// <summary>Size of <c>EncodeEC</c> of an X25519 key: the type byte and the 32-byte u-coordinate.</summary>
    public const int EncodedCurveKeySize = 1 + 32;

    /// <summary>Size of the associated data <c>AD</c>: two encoded identity keys and two device ids.</summary>
    public const int AssociatedDataSize = (2 * EncodedCurveKeySize) + (2 * 32);

    /// <summary>UTF-8 bytes of <see cref="KdfInfoText"/>.</summary>
    public static ReadOnlySpan<byte> KdfInfo => "KithPQXDH_CURVE25519_SHA-256_ML-KEM-1024"u8;
}
