using Kith.Primitives.Errors;

namespace Kith.Protocol.Pqxdh;

/// <summary>Errors of a PQXDH key agreement (Signal PQXDH §3.3–3.4). Details never carry keys or peer bytes.</summary>
public static class PqxdhErrors
{
    /// <summary>The prekeys belong to another device than the one the initiator asked for.</summary>
    public static readonly KithError WrongDevice = new("pqxdh.wrong_device", ErrorScope.Peer, false,
        "The prekeys belong to a different device than expected.");

    /// <summary>The caller asked for a prekey id that the device does not publish (a stale choice).</summary>
    public static readonly KithError PrekeyNotPublished = new("pqxdh.prekey_not_published", ErrorScope.Local, false,
        "The chosen prekey is not among the device's published prekeys.");

    /// <summary>A published prekey is a low-order point, so a Diffie-Hellman output would be all zeros (RFC 7748 §6.1).</summary>
    public static readonly KithError LowOrderPrekey = new("pqxdh.low_order_prekey", ErrorScope.Peer, false,
        "A published prekey is not a usable X25519 public key.");

    /// <summary>A published ML-KEM prekey is not a valid ML-KEM-1024 encapsulation key (FIPS 203 §7.2).</summary>
    public static readonly KithError BadKemPrekey = new("pqxdh.bad_kem_prekey", ErrorScope.Peer, false,
        "A published ML-KEM prekey is not a valid encapsulation key.");

    /// <summary>The initial message's identity key is not signed by the device it names.</summary>
    public static readonly KithError BadInitiatorSignature = KithError.Reject("pqxdh.bad_initiator_signature",
        "The initiator's identity key is not signed by the device it names.");

    /// <summary>
    /// The initial message names a prekey the responder does not have: never issued, rotated away, or a
    /// one-time prekey already used (§3.4 deletes it, which is what stops a replay, §4.3).
    /// </summary>
    public static readonly KithError UnknownPrekey = KithError.Reject("pqxdh.unknown_prekey",
        "The initial message names a prekey that is unknown or already used.");

    /// <summary>A key in the initial message is a low-order point (RFC 7748 §6.1).</summary>
    public static readonly KithError LowOrderKey = KithError.Reject("pqxdh.low_order_key",
        "The initial message carries a key that is not a usable X25519 public key.");

    /// <summary>The ML-KEM ciphertext cannot be decapsulated (wrong length).</summary>
    public static readonly KithError BadKemCiphertext = KithError.Reject("pqxdh.bad_kem_ciphertext",
        "The initial message's ML-KEM ciphertext is malformed.");
}
