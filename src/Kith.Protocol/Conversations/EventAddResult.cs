using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>What happened to the event passed to <see cref="ConversationLog.Add"/>.</summary>
public enum EventAddOutcome
{
    /// <summary>The event is now part of the log (and may have released pending descendants).</summary>
    Accepted = 1,

    /// <summary>The event checks out but some parents are missing; it waits in the pending set.</summary>
    Pending = 2,

    /// <summary>The log already held or was already waiting on this event; nothing changed.</summary>
    Duplicate = 3,

    /// <summary>The event's id is on the conversation's refusal list (deleted on this account); nothing changed.</summary>
    Refused = 4,
}

/// <summary>An event dropped from the pending set because it can never be accepted.</summary>
/// <param name="Id">The dropped event.</param>
/// <param name="Error">Why it was dropped.</param>
public readonly record struct RejectedEvent(EventId Id, KithError Error);

/// <summary>The effects of one successful <see cref="ConversationLog.Add"/>.</summary>
/// <param name="Outcome">What happened to the event passed in.</param>
/// <param name="Accepted">Every event that joined the log, in the order it joined: the event itself and then
/// any pending descendants it released.</param>
/// <param name="Evicted">Pending events pushed out, oldest first, to make room; they must be fetched again.</param>
/// <param name="Rejected">Pending events released by this one that failed the parent checks, with their
/// pending descendants.</param>
public sealed record EventAddResult(EventAddOutcome Outcome, IReadOnlyList<EventId> Accepted,
    IReadOnlyList<EventId> Evicted, IReadOnlyList<RejectedEvent> Rejected);
