namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest payload of one delivered item (a <c>Deliver</c> link frame). The biggest thing delivered is a
    /// conversation event (ciphertext at most <see cref="MaxEventCiphertext"/>) or a session envelope (body at most
    /// <see cref="MaxSessionEnvelopeBody"/>) with its headers; 128 KiB holds either with room to spare while
    /// bounding what one frame makes a receiver buffer and a sender store per recipient.
    /// </summary>
    public const int MaxDeliveryPayloadBytes = 128 * 1024;

    /// <summary>
    /// Most item ids one <c>Ack</c> or <c>Seen</c> frame carries (8 KiB of ids). A receiver acknowledges what one
    /// flush sent (<see cref="MaxDeliveryFlushBatch"/>) in one frame; the bound keeps a peer's frame, and the
    /// outbox updates it causes, small.
    /// </summary>
    public const int MaxDeliveryIdsPerFrame = 256;

    /// <summary>
    /// Largest encoded link frame: a <c>Sync</c> frame around the largest sync message, which is larger than any
    /// <c>Deliver</c> frame. Decoders refuse anything larger unread; the transport's framing may use it as its cap.
    /// </summary>
    public const int MaxLinkFrameBytes = MaxSyncMessageBytes + 64;

    /// <summary>
    /// Most recipient devices of one enqueued item: every device of the sender's account and of one recipient
    /// account (<see cref="MaxDevicesPerAccount"/> each), times eight for small groups. An item fans out to one
    /// outbox entry per device, so the bound caps what one application step writes.
    /// </summary>
    public const int MaxDeliveryRecipients = 16 * MaxDevicesPerAccount;

    /// <summary>
    /// Most link frames waiting for the engine while it handles earlier ones: the engine takes them in runs, so a
    /// peer's sync batches that arrived together commit together (issue 4). 64 frames are one sync commit's worth
    /// of full <c>Events</c> batches (<see cref="MaxSyncCommitEvents"/>); a link delivering more waits, which
    /// slows the peer instead of growing memory.
    /// </summary>
    public const int MaxInboundQueuedFrames = MaxSyncCommitEvents / MaxSyncEventsPerBatch;

    /// <summary>
    /// Most bytes of link frames waiting for the engine (see <see cref="MaxInboundQueuedFrames"/>): the bytes one
    /// sync commit may hold (<see cref="MaxSyncCommitBytes"/>), so large frames wait sooner. A single frame of up
    /// to <see cref="MaxLinkFrameBytes"/> is always taken.
    /// </summary>
    public const int MaxInboundQueuedBytes = MaxSyncCommitBytes;

    /// <summary>
    /// Most outbox entries one engine step sends (one flush). A device that comes online after a long absence
    /// is served in several steps of this size, so one transaction (and the frames sent after it) stays short
    /// and acknowledgements start flowing before the whole backlog left.
    /// </summary>
    public const int MaxDeliveryFlushBatch = 64;

    /// <summary>
    /// First resend delay of an unacknowledged item (before jitter). Two seconds is a few round trips over Tor
    /// (a circuit's round trip is 0.3 to 1 s), so a lost frame is resent soon without flooding a slow link.
    /// </summary>
    public const long DeliveryBackoffBaseMs = 2_000;

    /// <summary>
    /// Longest resend delay (before jitter). Delivery never gives up, so this is how long an item waits at most
    /// between attempts to a device that stays unreachable: ten minutes bounds the extra latency after the
    /// device returns, and a reconnect flushes everything at once anyway, so the cap rarely matters.
    /// </summary>
    public const long DeliveryBackoffCapMs = 10 * 60 * 1000;
}
