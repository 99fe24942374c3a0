using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>An event from a peer's batch that the log did not take.</summary>
/// <param name="Index">Position in the batch.</param>
/// <param name="Id">The event's id, when it decoded.</param>
/// <param name="Error">Why it was refused.</param>
public readonly record struct SyncRefusal(int Index, EventId? Id, KithError Error);

/// <summary>The effects of one message handled by <see cref="SyncSession.Receive"/>.</summary>
/// <param name="Outgoing">Messages to send to the peer, in order.</param>
/// <param name="Accepted">Events that joined the local log, in the order they joined.</param>
/// <param name="Refused">Events of an <see cref="SyncEvents"/> batch that did not decode or that the log refused.</param>
public sealed record SyncStep(IReadOnlyList<SyncMessage> Outgoing, IReadOnlyList<EventId> Accepted,
    IReadOnlyList<SyncRefusal> Refused)
{
    /// <summary>Nothing to send and nothing changed.</summary>
    public static SyncStep None { get; } = new([], [], []);
}
