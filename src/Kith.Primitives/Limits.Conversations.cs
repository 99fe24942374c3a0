namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Most parents one conversation event may name. Parents are the author's current heads (Matrix room
    /// DAG, <c>prev_events</c>); concurrent heads come from the members' devices, a few dozen at most in a
    /// 1:1 or own-account conversation. A bound keeps an event's size and the cost of checking it small;
    /// an author with more heads merges them over several events.
    /// </summary>
    public const int MaxEventParents = 32;

    /// <summary>
    /// Largest ciphertext of one conversation event: a text message, reaction or control entry with its
    /// padding and AEAD tag. Files and media travel outside the log and are only referenced from it.
    /// </summary>
    public const int MaxEventCiphertext = 64 * 1024;

    /// <summary>
    /// How far in the future (milliseconds) an event's timestamp may lie against the receiver's clock:
    /// devices behind Tor have no synchronised clock, but an author must not pin the display order of
    /// everything after its event by stamping it years ahead. One hour tolerates badly set clocks and
    /// daylight-saving mistakes.
    /// </summary>
    public const long MaxEventClockSkewMs = 60 * 60 * 1000;

    /// <summary>
    /// Most events a conversation log keeps while their parents are missing. Sync walks back through
    /// parents, so a gap arrives child first; this holds a generous walk-back window while bounding the
    /// memory an authorised but misbehaving member can occupy.
    /// </summary>
    public const int MaxPendingEvents = 1024;

    /// <summary>
    /// Most bytes of event encodings held in a conversation's pending set (see <see cref="MaxPendingEvents"/>):
    /// 1,024 full-size events would be 64 MiB, so bytes are bounded separately.
    /// </summary>
    public const int MaxPendingEventBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Most distinct signing keys whose hash-linked ancestry one received batch is searched for
    /// (Conversations README, "Amortised signature checks"). Finding which events a verified event vouches for
    /// costs one pass over the batch per key; a batch's honest events come from the few sender chains active in
    /// the conversation, so 16 covers them, and events under any further key are simply verified one by one.
    /// </summary>
    public const int MaxEndorsingKeysPerBatch = 16;

    /// <summary>
    /// Events a log replays from its own store per signature pass (<c>ConversationLog.Replay</c>): each pass costs
    /// one Ed25519 verification per signing key whose run it holds (Conversations README, "Amortised signature
    /// checks"), and its bookkeeping (an id map and a few arrays per event) lives for the pass. A sync receiver
    /// holds as many events at once (its largest run, <see cref="MaxSyncCommitEvents"/>), so the size is known to fit.
    /// </summary>
    public const int ReplayChunkEvents = MaxSyncCommitEvents;
}
