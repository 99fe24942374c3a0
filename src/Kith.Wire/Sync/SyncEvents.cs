using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>
/// A bounded batch of event encodings, relayed byte for byte as their authors signed them, so any member
/// device can serve any other. The receiver's log decodes and verifies each one.
/// </summary>
public sealed class SyncEvents : SyncMessage
{
    private readonly byte[][] _events;

    /// <summary>Builds a batch; throws when it exceeds the batch limits (a caller bug).</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="events">Event encodings, at most <see cref="Limits.MaxSyncEventsPerBatch"/> and
    /// <see cref="Limits.MaxSyncBatchBytes"/> bytes in total.</param>
    public SyncEvents(ConversationId conversation, IEnumerable<byte[]> events)
        : base(conversation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        if (_events.Length > Limits.MaxSyncEventsPerBatch || TotalBytes(_events) > Limits.MaxSyncBatchBytes)
        {
            throw new ArgumentException("The batch exceeds the sync batch limits.", nameof(events));
        }
    }

    /// <inheritdoc/>
    public override SyncMessageKind Kind => SyncMessageKind.Events;

    /// <summary>The event encodings, in the order sent (parents before children when the sender knows both).</summary>
    public IReadOnlyList<byte[]> Events => _events;

    private protected override int BodySize => 2 + (_events.Length * 4) + (int)TotalBytes(_events);

    /// <summary>Sum of encoding lengths; long so a hostile count cannot overflow it.</summary>
    internal static long TotalBytes(byte[][] events) => events.Sum(e => (long)e.Length);

    private protected override void WriteBody(WireWriter writer)
    {
        writer.U16((ushort)_events.Length);
        foreach (byte[] encoding in _events)
        {
            writer.Prefixed32(encoding);
        }
    }

    /// <summary>The number of events, never their bytes.</summary>
    public override string ToString() => $"SyncEvents({_events.Length} events)";
}
