namespace Kith.Primitives;

/// <summary>Bounds of the Double Ratchet sessions between two devices (Signal, "The Double Ratchet Algorithm").</summary>
public static partial class Limits
{
    /// <summary>
    /// MAX_SKIP (Double Ratchet §3.2, §3.5): how many message keys one received message may make the
    /// receiver derive and store in one receiving chain. A message whose header asks for more is
    /// rejected and changes nothing.
    /// </summary>
    /// <remarks>
    /// The spec asks for a value high enough to tolerate routine lost or delayed messages and low enough
    /// that a malicious sender cannot make the receiver do excessive work. Kith's pairwise sessions
    /// carry control traffic (sender keys, receipts, small events), not bulk content, and every message
    /// sits in an outbox until acknowledged, so gaps come only from reordering; a sender that crashes
    /// loses nothing that ever left. A thousand is far beyond any honest gap, and costs at most two
    /// thousand HMAC-SHA-256 computations (a few milliseconds). libsignal allows 25,000
    /// (MAX_FORWARD_JUMPS) because Signal's server may drop queued messages; Kith's outboxes do not.
    /// Two chains may be skipped by one message (the previous chain up to PN, the new one up to N), so
    /// one message adds at most <c>2 × RatchetMaxSkip</c> keys, which <see cref="RatchetMaxSkippedMessageKeys"/>
    /// holds without evicting any of them.
    /// </remarks>
    public const int RatchetMaxSkip = 1000;

    /// <summary>
    /// The most skipped message keys (MKSKIPPED, §3.2, §4) one session stores; beyond it the oldest are
    /// deleted (as the security considerations
    /// advise under "Deletion of skipped message keys"), and their messages can no longer be read.
    /// </summary>
    /// <remarks>
    /// The same number as libsignal's MAX_MESSAGE_KEYS. Each stored key costs 36 bytes plus its chain's
    /// header key in the serialised session, so the bound keeps a session under about 72 kB however
    /// a peer behaves, and every stored key is reachable by an honest reordering of
    /// <see cref="RatchetMaxSkip"/> messages in two chains.
    /// </remarks>
    public const int RatchetMaxSkippedMessageKeys = 2 * RatchetMaxSkip;

    /// <summary>
    /// The most receiving chains (distinct header keys) that may hold skipped message keys; a new
    /// one evicts every key of the oldest.
    /// </summary>
    /// <remarks>
    /// With header encryption (§4) the receiver finds a skipped key by trial-decrypting the header
    /// under each stored header key, so this bounds the work any message costs to
    /// <c>RatchetMaxSkippedChains + 2</c> header decryptions. An honest peer starts a new chain only
    /// after a round trip, so keys older than five round trips belong to messages that are long
    /// lost; libsignal keeps the same number of receiving chains (MAX_RECEIVER_CHAINS).
    /// </remarks>
    public const int RatchetMaxSkippedChains = 5;

    /// <summary>The largest plaintext one ratchet message carries.</summary>
    /// <remarks>
    /// Pairwise messages are control messages and small events; files and media travel as content
    /// outside the pairwise sessions. 60 KiB plus the ratchet's overhead fits in one Noise transport
    /// message (65,535 bytes, Noise §3), so a link never has to fragment a session message, and a
    /// receiver never buffers more than that for one message.
    /// </remarks>
    public const int RatchetMaxPlaintextSize = 60 * 1024;

    /// <summary>The largest associated data (the PQXDH AD, §3.3 and PQXDH §3.3) a session binds its messages to.</summary>
    /// <remarks>
    /// The PQXDH AD is the two encoded identity keys (66 bytes for X25519 keys with a type byte);
    /// a kilobyte leaves room for longer identity encodings while bounding what a stored session's
    /// decoder accepts.
    /// </remarks>
    public const int RatchetMaxAssociatedDataSize = 1024;
}
