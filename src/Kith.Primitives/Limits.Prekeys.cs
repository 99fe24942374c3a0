namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Most one-time X25519 prekeys one device publishes at once (in its contact card or a replenishment).
    /// PQXDH works without them (they only add forward secrecy for the first message), and each costs
    /// 36 bytes of card that must still fit a QR code, so a few dozen is plenty.
    /// </summary>
    public const int MaxOneTimePrekeys = 32;

    /// <summary>
    /// Most one-time ML-KEM-1024 prekeys one device publishes at once. Each is 1,636 bytes with its
    /// signature, so cards carry few or none and rely on the last-resort PQ prekey (PQXDH §3.2).
    /// </summary>
    public const int MaxOneTimePqPrekeys = 4;
}
