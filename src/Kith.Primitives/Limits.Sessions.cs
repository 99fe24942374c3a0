namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest body of a pairwise session envelope: a PQXDH initial header (~1.7 KiB) plus the largest
    /// ratchet payload Kith sends between devices (sender-chain keys, control messages, at most 64 KiB).
    /// Content travels in conversation events, not here, so anything larger is refused unread.
    /// </summary>
    public const int MaxSessionEnvelopeBody = 72 * 1024;

    /// <summary>
    /// Largest serialised session state accepted from storage: the ratchet keys plus its bounded store of
    /// skipped message keys (each ~100 bytes with its header key, at most <c>MaxSkippedMessageKeys</c>).
    /// </summary>
    public const int MaxSessionStateSize = 1024 * 1024;
}
