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
}
