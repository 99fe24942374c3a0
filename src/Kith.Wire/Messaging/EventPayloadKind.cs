namespace Kith.Wire.Messaging;

/// <summary>
/// The first byte of a conversation event's ciphertext field: what the rest holds, so a receiver knows how to
/// read it. Persisted and on the wire: values never change.
/// </summary>
public enum EventPayloadKind : byte
{
    /// <summary>A <see cref="ChainAnnouncement"/>: a new sender chain, handed to each member device pairwise.</summary>
    Announcement = 1,

    /// <summary>A <see cref="SealedContent"/>: message content sealed with the author's sender chain.</summary>
    Content = 2,
}
