namespace Kith.Primitives;

/// <summary>
/// Bounds of the sender-key chains that encrypt conversation content (Signal's sender keys,
/// libsignal <c>sender_keys</c>; Matrix's Megolm).
/// </summary>
public static partial class Limits
{
    /// <summary>
    /// How many message keys one received message may make a member derive and store ahead of its chain
    /// (the sender-key counterpart of the Double Ratchet's MAX_SKIP, §3.2). A message further ahead is
    /// rejected and changes nothing.
    /// </summary>
    /// <remarks>
    /// Events reach a device by sync in any order (any member device may relay any event), so gaps are
    /// larger than on a pairwise session: a device back from a partition may receive a chain's newest
    /// event first. A chain carries at most <see cref="SenderChainMaxMessages"/> messages before it
    /// rotates, so this limit lets any honest gap within one chain be bridged, and it costs at most that
    /// many HMAC-SHA-256 pairs (a few milliseconds). libsignal's sender-key cipher refuses messages more than
    /// 2,000 iterations ahead the same way.
    /// </remarks>
    public const int SenderKeyMaxSkip = SenderChainMaxMessages;

    /// <summary>
    /// The most skipped message keys one received chain stores; beyond it the lowest indexes are deleted
    /// and their messages can no longer be read (Double Ratchet security considerations, "Deletion of
    /// skipped message keys").
    /// </summary>
    /// <remarks>
    /// Equal to <see cref="SenderKeyMaxSkip"/>, so one honest jump never evicts its own keys. Each key costs
    /// 36 bytes in the stored chain, bounding it to about 72 kB. libsignal keeps 2,000 per sender-key state
    /// (MAX_MESSAGE_KEYS).
    /// </remarks>
    public const int SenderKeyMaxSkippedMessageKeys = SenderKeyMaxSkip;

    /// <summary>
    /// How many messages an author encrypts with one chain before rotating to a new one, so that a member
    /// removed or a chain key stolen exposes a bounded number of future messages.
    /// </summary>
    /// <remarks>
    /// Megolm's <c>rotation_period_msgs</c> defaults to 100; Kith's chains also carry the account's own log
    /// (read state, settings), which is chattier, and each rotation costs one pairwise message per member
    /// device, so Kith rotates every 2,000 messages and leans on the age limit for quiet conversations.
    /// </remarks>
    public const int SenderChainMaxMessages = 2000;

    /// <summary>How long (in milliseconds) an author uses one chain before rotating: 7 days.</summary>
    /// <remarks>Megolm's <c>rotation_period_ms</c> defaults to one week; Kith uses the same period.</remarks>
    public const long SenderChainMaxAgeMs = 7L * 24 * 60 * 60 * 1000;

    /// <summary>The largest plaintext one sender-key message carries.</summary>
    /// <remarks>
    /// Event content (text, small control payloads); files and media travel separately. The same bound as a
    /// pairwise ratchet message, so an event with its headers still fits in one Noise transport message.
    /// </remarks>
    public const int SenderKeyMaxPlaintextSize = 60 * 1024;

    /// <summary>The largest associated data (the event's header fields) a sender-key message is bound to.</summary>
    /// <remarks>
    /// The event header (ids, parents, timestamp) is authenticated as AD; parents are themselves bounded, and
    /// 4 KiB leaves room for them while bounding what a receiver hashes for one message.
    /// </remarks>
    public const int SenderKeyMaxAssociatedDataSize = 4 * 1024;
}
