namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest first Double Ratchet message carried in a PQXDH initial message (PQXDH §3.3, "an initial
    /// ciphertext"). Anyone who has a device's prekeys can send one, and the responder must run two X25519
    /// agreements per DH and an ML-KEM decapsulation before it can reject it, so the bound keeps the cost of
    /// a forged message small. 64 KiB holds a text event with room to spare; bulk content follows on the
    /// established session.
    /// </summary>
    public const int MaxPqxdhInitialPayload = 64 * 1024;
}
