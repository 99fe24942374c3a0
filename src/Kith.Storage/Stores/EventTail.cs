namespace Kith.Storage.Stores;

/// <summary>
/// What <see cref="SqliteEventStore"/> keeps about one conversation for the rest of a transaction
/// (<see cref="Database.KithTransaction.EventTails"/>): its blind index and its last position, so that every append
/// after the first skips the keyed hash of the conversation id and the <c>max(seq)</c> query.
/// </summary>
internal sealed class EventTail(byte[] conversationIndex, long lastSeq)
{
    /// <summary>The conversation column's blind index of the conversation id.</summary>
    public byte[] ConversationIndex { get; } = conversationIndex;

    /// <summary>The highest <c>seq</c> stored for the conversation (0 when it has no event).</summary>
    public long LastSeq { get; set; } = lastSeq;

    /// <summary>Names the type only.</summary>
    public override string ToString() => nameof(EventTail);
}
