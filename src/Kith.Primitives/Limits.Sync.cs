namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Most event ids one sync <c>Heads</c> or <c>Want</c> message carries (8 KiB of ids). Heads of one
    /// conversation are a few dozen; a walk back asks for one missing parent per concurrent branch. The bound
    /// keeps a peer's request (and the events it makes us look up) small; more ids go in later messages.
    /// </summary>
    public const int MaxSyncIdsPerMessage = 256;

    /// <summary>
    /// Most events in one sync <c>Events</c> batch: answering a <c>Want</c> costs at most this many lookups
    /// per message, and a lost batch costs at most this much work to resend.
    /// </summary>
    public const int MaxSyncEventsPerBatch = 64;

    /// <summary>
    /// Most events a sync receiver accepts from already received <c>Events</c> batches before it commits them in
    /// one transaction (issue 4: 100,000 events in at most 2 s). Each commit costs an fsync; one per 64-event batch
    /// was 1,570 of them and most of a sync's time. The bound caps what one commit holds in memory, how long the
    /// replies the commit covers wait (they go out only after it), and the work a failed commit loses: 64 batches.
    /// </summary>
    public const int MaxSyncCommitEvents = 64 * MaxSyncEventsPerBatch;

    /// <summary>
    /// Most bytes of event encodings a sync receiver commits in one transaction (see <see cref="MaxSyncCommitEvents"/>):
    /// 8 batches of the largest size, so large events do not stretch one commit to hundreds of megabytes.
    /// </summary>
    public const int MaxSyncCommitBytes = 8 * MaxSyncBatchBytes;

    /// <summary>
    /// Most bytes of event encodings in one sync <c>Events</c> batch. At least one largest possible event
    /// (about 66 KiB) must fit; 1 MiB keeps a batch well under a link's frame budget after splitting.
    /// </summary>
    public const int MaxSyncBatchBytes = 1024 * 1024;

    /// <summary>
    /// Largest encoded sync message: a full <c>Events</c> batch with its per-event length prefixes and the
    /// fixed header. Decoders refuse anything larger unread.
    /// </summary>
    public const int MaxSyncMessageBytes = MaxSyncBatchBytes + (MaxSyncEventsPerBatch * 4) + 64;

    /// <summary>
    /// Most ancestors a replica offers unasked with one <c>Want</c> answer: the ancestors of the wanted
    /// events that the peer's heads do not already cover. It turns a walk back of one event per round trip
    /// into one of this many, while bounding the work (and reply size) one small <c>Want</c> can cause, and
    /// stays well inside <see cref="MaxPendingEvents"/> so the receiver can hold a whole answer.
    /// </summary>
    public const int MaxSyncOfferedAncestors = 256;

    /// <summary>
    /// Most ranges in one sync <c>Ranges</c> message (range-based set reconciliation, Meyer 2023 §4). A reply
    /// that splits more ranges goes out as several messages; the bound caps the lookups and hashing one
    /// message can make the receiver do.
    /// </summary>
    public const int MaxSyncRangesPerMessage = 256;

    /// <summary>
    /// Most ids one range lists, and the size at or below which a replica lists its ids instead of splitting
    /// the range further (Negentropy lists a range once it is too small to be worth splitting). 64 ids keep a
    /// full <c>Ranges</c> message (256 such ranges, 2 KiB of ids each) well under
    /// <see cref="MaxSyncMessageBytes"/>.
    /// </summary>
    public const int MaxSyncRangeIds = 64;

    /// <summary>
    /// Sub-ranges a replica splits a differing range into (Negentropy's default of 16 buckets): each round
    /// trip narrows a difference 16-fold, so locating it among n events takes about log16(n) round trips.
    /// </summary>
    public const int SyncRangeSplit = 16;

    /// <summary>
    /// Most events a replica sends unasked for one range the peer showed it lacks; a larger range is split
    /// and sent once the peer has named its parts. Bounding per range rather than per message keeps every
    /// reply's events in ascending (timestamp, id) order across all of a round's ranges, so a new replica
    /// accepts them as they arrive instead of overflowing its pending set. One message's reply is thus at most
    /// <see cref="MaxSyncRangesPerMessage"/> times this, and never more than the replica holds.
    /// </summary>
    public const int MaxSyncPushedPerRange = 1024;

    /// <summary>
    /// A peer announcing at least this many more events than this replica holds, with heads it lacks, is a
    /// large gap: walking back would cost one round trip per <see cref="MaxSyncOfferedAncestors"/> events, so
    /// the session reconciles ranges instead.
    /// </summary>
    public const int SyncLargeGap = MaxSyncOfferedAncestors;
}
