namespace Kith.Bench.Groups;

/// <summary>
/// What one Double Ratchet message costs at least, built from the measured cost of each primitive the
/// algorithm cannot skip. No implementation of Kith's ratchet can beat this on this machine, so
/// <c>RATIO ratchet_oneway_vs_bound</c> says how much of the time goes to everything else (state
/// handling, serialisation, allocation, zeroing).
/// <para>
/// Steps and counts follow the Double Ratchet specification (Perrin and Marlinspike, revision 1, 2016):
/// §3.4 RatchetEncrypt and §3.5 RatchetDecrypt with §5.2's recommended KDF_CK (HMAC-SHA256 with the
/// constants 0x01 and 0x02) and KDF_RK (HKDF-SHA256), and header encryption from §4 (§4.5, §4.6) as
/// PROTOCOL.md asks for. Encodings are Kith's: ChaCha20-Poly1305 for bodies, XChaCha20-Poly1305 (random
/// 24-byte nonce) for headers.
/// </para>
/// </summary>
/// <param name="HmacSha256">One HMAC-SHA256 over a one-byte input with a 32-byte key.</param>
/// <param name="HkdfMessageKey">HKDF-SHA256 expanding a 32-byte message key into a body key and nonce.</param>
/// <param name="BodyEncrypt">ChaCha20-Poly1305 encryption of a 100-byte body.</param>
/// <param name="BodyDecrypt">ChaCha20-Poly1305 decryption of that body.</param>
/// <param name="HeaderEncrypt">XChaCha20-Poly1305 encryption of a 40-byte header.</param>
/// <param name="HeaderDecrypt">XChaCha20-Poly1305 decryption of that header.</param>
/// <param name="X25519KeyGeneration">A fresh ratchet key pair: 32 random bytes and one base-point multiplication.</param>
/// <param name="X25519Agreement">One X25519 Diffie-Hellman agreement.</param>
/// <param name="HkdfRootStep">KDF_RK: HKDF-SHA256 from the root key and a DH output to root, chain and next header key.</param>
public sealed record RatchetMessageCost(
    double HmacSha256,
    double HkdfMessageKey,
    double BodyEncrypt,
    double BodyDecrypt,
    double HeaderEncrypt,
    double HeaderDecrypt,
    double X25519KeyGeneration,
    double X25519Agreement,
    double HkdfRootStep)
{
    /// <summary>Bytes of plaintext in every benchmarked message (the same as the libsignal comparison).</summary>
    public const int MessageSize = 100;

    /// <summary>Header plaintext: ratchet public key (32), PN (4), N (4) — §3.4 HEADER(dh_pair, pn, n).</summary>
    public const int HeaderSize = 32 + 4 + 4;

    /// <summary>Associated data from the key agreement: both identity keys (PQXDH §3.3 AD = IKA || IKB).</summary>
    public const int SessionAssociatedDataSize = 32 + 32;

    /// <summary>The encrypted header as sent: nonce, ciphertext, tag. It is part of the body's associated data (§4.5).</summary>
    public const int EncryptedHeaderSize = 24 + HeaderSize + 16;

    /// <summary>The body key and the body nonce expanded from one message key.</summary>
    public const int MessageKeyMaterialSize = 32 + 12;

    /// <summary>KDF_RK_HE outputs root key, chain key and next header key (§4.2).</summary>
    public const int RootStepOutputSize = 32 + 32 + 32;

    /// <summary>KDF_CK is two HMACs over the same chain key: one for the next chain key, one for the message key (§5.2).</summary>
    public const int HmacsPerChainStep = 2;

    /// <summary>
    /// Per message in ping-pong, the receiver's DHRatchet (§3.5) makes one new key pair
    /// (<c>GENERATE_DH</c>); the sender sends the key pair it made when it last received.
    /// </summary>
    public const int KeyGenerationsPerRatchetStep = 1;

    /// <summary>DHRatchet (§3.5) agrees twice: the old key with the peer's new one (receiving chain), the new key with it (sending chain).</summary>
    public const int AgreementsPerRatchetStep = 2;

    /// <summary>Each of the two agreements feeds one KDF_RK (§3.5).</summary>
    public const int RootStepsPerRatchetStep = 2;

    /// <summary>Sender: RatchetEncryptHE (§4.5) — chain step, message key expansion, header and body encryption.</summary>
    public double SendNanoseconds =>
        (HmacsPerChainStep * HmacSha256) + HkdfMessageKey + HeaderEncrypt + BodyEncrypt;

    /// <summary>
    /// Receiver, same chain: RatchetDecryptHE (§4.6) — header decryption with the current header key, the
    /// same chain step and expansion, body decryption.
    /// </summary>
    public double ReceiveNanoseconds =>
        HeaderDecrypt + (HmacsPerChainStep * HmacSha256) + HkdfMessageKey + BodyDecrypt;

    /// <summary>The Diffie-Hellman ratchet step each message of a ping-pong adds (§3.5 DHRatchet).</summary>
    public double RatchetStepNanoseconds =>
        (KeyGenerationsPerRatchetStep * X25519KeyGeneration)
        + (AgreementsPerRatchetStep * X25519Agreement)
        + (RootStepsPerRatchetStep * HkdfRootStep);

    /// <summary>One message one way: sent and received within the same chains.</summary>
    public double OneWayNanoseconds => SendNanoseconds + ReceiveNanoseconds;

    /// <summary>
    /// One message of a ping-pong (the direction alternates, so every message carries a new ratchet key).
    /// Not counted: with header encryption the receiver may first try the current header key and fail
    /// before the next header key succeeds (§4.6); an implementation can avoid that attempt.
    /// </summary>
    public double PingPongNanoseconds => OneWayNanoseconds + RatchetStepNanoseconds;

    /// <summary>The one-way bound as messages per second.</summary>
    public double OneWayMessagesPerSecond => 1e9 / OneWayNanoseconds;

    /// <summary>The ping-pong bound as messages per second.</summary>
    public double PingPongMessagesPerSecond => 1e9 / PingPongNanoseconds;
}
