namespace Kith.Primitives;

/// <summary>Bounds of conversation messaging: chain announcements, message content and replicas (Kith.Protocol.Messaging).</summary>
public static partial class Limits
{
    /// <summary>
    /// Most recipient devices one chain announcement names: every other member device of a 1:1 conversation,
    /// two accounts of at most <see cref="MaxDevicesPerAccount"/> devices each.
    /// </summary>
    public const int MaxAnnouncementRecipients = 2 * MaxDevicesPerAccount;

    /// <summary>
    /// Largest pairwise envelope one announcement part carries: a PQXDH initial message (ML-KEM-1024 ciphertext,
    /// keys, prekey ids) with a ratchet message holding a 133-byte distribution is about 1.9 KiB, so
    /// <see cref="MaxAnnouncementRecipients"/> of them stay within <see cref="MaxEventCiphertext"/>.
    /// </summary>
    public const int MaxAnnouncementEnvelopeSize = 2000;

    /// <summary>
    /// The padding bucket of message content: plaintext is padded to a multiple of this many bytes so
    /// ciphertext lengths say little about the text (Signal pads message bodies to 160-byte multiples).
    /// </summary>
    public const int MessagePaddingBucket = 160;

    /// <summary>
    /// Largest encoded message content before padding: the sender-key plaintext limit less the one byte the
    /// padding marker needs.
    /// </summary>
    public const int MaxMessageContentSize = SenderKeyMaxPlaintextSize - 1;

    /// <summary>
    /// Most event ids one <c>DeleteMessages</c> content names (32 KiB of ids); deleting more takes several
    /// messages, and each id becomes one refusal row on every own device.
    /// </summary>
    public const int MaxDeletedIdsPerMessage = 1024;

    /// <summary>
    /// Most accepted content events a replica keeps waiting for their chain's announcement. An authorised member
    /// can stamp events with chains it never announces; when full the oldest wait is dropped (the event stays
    /// accepted, and a rebuild from the stores tries it again).
    /// </summary>
    public const int MaxEventsWaitingForChain = 4096;

    /// <summary>
    /// Most messages one history batch carries to a newly linked own device: a page of a chat window's worth of
    /// scrolling, so an interrupted transfer resumes from the last page, not from the start.
    /// </summary>
    public const int MaxHistoryBatchMessages = 256;

    /// <summary>
    /// Largest encoded history batch: it must hold at least one largest message (60 KiB of content), and 1 MiB
    /// bounds what a device decrypts and decodes for one transfer step.
    /// </summary>
    public const int MaxHistoryBatchBytes = 1024 * 1024;
}
