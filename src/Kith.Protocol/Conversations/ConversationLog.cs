using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The in-memory, sans-IO replica of one conversation's event DAG (as a Matrix room's DAG): accepted
/// events, their heads, the bounded set of events still waiting for parents, and the display order.
/// An event is accepted only if <see cref="EventValidator"/> passes it; a refused event changes nothing,
/// and adding an event twice is a no-op. Not thread-safe.
/// </summary>
public sealed partial class ConversationLog
{
    private readonly IConversationMembership _membership;
    private readonly Func<EventId, bool> _isRefused;
    private readonly Func<ConversationEvent, bool> _refuses;
    private readonly Dictionary<EventId, ConversationEvent> _events = [];
    private readonly Dictionary<EventId, List<EventId>> _children = [];
    private readonly SortedSet<EventId> _heads = [];
    private readonly PendingEvents _pending;
    private (long Timestamp, EventId Id)? _largestKey;

    /// <summary>Creates an empty log.</summary>
    /// <param name="conversation">The conversation this log holds; events of others are refused.</param>
    /// <param name="membership">Who may write; asked for every event.</param>
    /// <param name="maxPendingEvents">Capacity of the pending set in events.</param>
    /// <param name="maxPendingBytes">Capacity of the pending set in encoded bytes.</param>
    /// <param name="isRefused">The conversation's refusal list (ids deleted on this account), asked for every
    /// missing parent (a refused one counts as present) and by sync; none when omitted.</param>
    /// <param name="refuses">Asked for every offered event that passes the intrinsic checks: yes refuses it. When it
    /// says yes, <paramref name="isRefused"/> must answer yes for the id from then on (the caller records it), so
    /// the event's children are not stranded. Omitted, an event is refused when its id is.</param>
    public ConversationLog(ConversationId conversation, IConversationMembership membership,
        int maxPendingEvents = Limits.MaxPendingEvents, int maxPendingBytes = Limits.MaxPendingEventBytes,
        Func<EventId, bool>? isRefused = null, Func<ConversationEvent, bool>? refuses = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPendingEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPendingBytes);
        Conversation = conversation;
        _membership = membership;
        _isRefused = isRefused ?? (static _ => false);
        _refuses = refuses ?? (e => _isRefused(e.Id));
        _pending = new PendingEvents(maxPendingEvents, maxPendingBytes);
    }

    /// <summary>The conversation this log holds.</summary>
    public ConversationId Conversation { get; }

    /// <summary>Number of accepted events.</summary>
    public int Count => _events.Count;

    /// <summary>Number of events waiting for parents.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>The accepted events that no accepted event names as parent, in ascending byte order: the
    /// parents of this device's next event (at most <see cref="Limits.MaxEventParents"/> of them are used).</summary>
    public IReadOnlyList<EventId> Heads => [.. _heads];

    /// <summary>
    /// The parents for this device's next event: the heads, latest (timestamp, id) first, at most
    /// <see cref="Limits.MaxEventParents"/>; heads left out are merged by a later event. The next event's
    /// timestamp must be at least <see cref="LatestTimestamp"/> to pass Briar's rule on every replica.
    /// </summary>
    public IReadOnlyList<EventId> ParentsForNextEvent() =>
        [.. _heads.Select(id => _events[id]).OrderByDescending(DisplayOrder.KeyOf).Take(Limits.MaxEventParents)
            .Select(e => e.Id)];

    /// <summary>The largest timestamp of any accepted event (0 when empty); a new event's timestamp should not be earlier.</summary>
    public long LatestTimestamp => _largestKey?.Timestamp ?? 0;

    /// <summary>Whether <paramref name="id"/> is accepted.</summary>
    public bool Contains(EventId id) => _events.ContainsKey(id);

    /// <summary>Whether <paramref name="id"/> waits in the pending set.</summary>
    public bool IsPending(EventId id) => _pending.Contains(id);

    /// <summary>The accepted event <paramref name="id"/>, if any.</summary>
    public bool TryGet(EventId id, out ConversationEvent? accepted) => _events.TryGetValue(id, out accepted);

    /// <summary>Ids named as parents by pending events that this log has not seen: what sync should fetch.</summary>
    public IReadOnlyList<EventId> MissingParents() => [.. _pending.MissingParents().Where(id => !_isRefused(id)).Order()];

    /// <summary>
    /// The display order of every accepted event: topological over the DAG, ties broken by timestamp, then
    /// by event id (byte order). The same event set gives the same order on every replica. A snapshot:
    /// later additions do not change the returned list. An accepted event is inserted where the full sort
    /// would put it (<see cref="DisplayOrder.InsertionIndex"/>), so the order is kept, not recomputed.
    /// </summary>
    public IReadOnlyList<EventId> Order() => [.. CurrentOrder()];

    /// <summary>
    /// Offers an event. Fails, changing nothing, when it belongs to another conversation, its timestamp is
    /// beyond <paramref name="nowUnixMs"/> plus the clock-skew limit, its author or chain key is not
    /// a member device at its timestamp, its signature is wrong (and no waiting descendant under the same key vouches
    /// for it: Conversations README, "Amortised signature checks"), or (parents known) it is back-dated. An event
    /// with missing parents waits in the pending set and is accepted once they arrive. A refused id is a
    /// <see cref="EventAddOutcome.Refused"/> no-op, and a refused parent counts as present.
    /// </summary>
    /// <param name="candidate">The event, decoded or built.</param>
    /// <param name="nowUnixMs">The local clock, unix milliseconds.</param>
    public Result<EventAddResult> Add(ConversationEvent candidate, long nowUnixMs) => Offer(candidate, nowUnixMs, null);

    private Result<EventAddResult> Offer(ConversationEvent candidate, long nowUnixMs, VerifiedEvent? verified)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (_events.ContainsKey(candidate.Id) || _pending.Contains(candidate.Id))
        {
            return new EventAddResult(EventAddOutcome.Duplicate, [], [], []);
        }

        KithError? invalid = (verified is null
            ? EventValidator.CheckIntrinsic(candidate, Conversation, _membership, nowUnixMs)
            : EventValidator.CheckIntrinsic(verified, Conversation, _membership, nowUnixMs)).Error;

        // The signature is checked last, so the other rules passed. A waiting descendant under the same key vouches
        // for the event as one in the same batch would: the outcome does not depend on how events were batched.
        if (invalid == ConversationErrors.BadSignature && _pending.HasSameKeyDescendant(candidate))
        {
            invalid = null;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        // After the intrinsic checks: only a valid event's id may join the caller's refusal list.
        if (_refuses(candidate))
        {
            return Forget(candidate.Id);
        }

        if (!candidate.Parents.All(IsSatisfied))
        {
            if (!_pending.CanEverHold(candidate))
            {
                return ConversationErrors.PendingFull;
            }

            List<EventId> evicted = _pending.Add(candidate, IsSatisfied);
            return new EventAddResult(EventAddOutcome.Pending, [], evicted, []);
        }

        if (EventValidator.CheckAgainstParents(candidate, _events).Error is { } backDated)
        {
            return backDated;
        }

        var accepted = new List<EventId>();
        var rejected = new List<RejectedEvent>();
        Accept(candidate, accepted);
        ReleasePending(accepted, rejected);
        return new EventAddResult(EventAddOutcome.Accepted, accepted, [], rejected);
    }

    private void Accept(ConversationEvent e, List<EventId> accepted)
    {
        _events.Add(e.Id, e);
        _heads.Add(e.Id);
        foreach (EventId parent in e.Parents)
        {
            _heads.Remove(parent);
            if (!_children.TryGetValue(parent, out List<EventId>? siblings))
            {
                siblings = [];
                _children.Add(parent, siblings);
            }

            siblings.Add(e.Id);
        }

        (long, EventId) key = DisplayOrder.KeyOf(e);
        Place(e, key);
        if (_largestKey is null || key.CompareTo(_largestKey.Value) > 0)
        {
            _largestKey = key;
        }

        accepted.Add(e.Id);
    }

    /// <summary>Accepts, breadth-first, every pending descendant whose parents are now all accepted.</summary>
    private void ReleasePending(List<EventId> accepted, List<RejectedEvent> rejected)
    {
        for (int i = 0; i < accepted.Count; i++)
        {
            foreach (ConversationEvent waiting in _pending.WaitingOn(accepted[i]))
            {
                if (!_pending.Contains(waiting.Id) || !waiting.Parents.All(IsSatisfied))
                {
                    continue;
                }

                _pending.Remove(waiting.Id);
                if (EventValidator.CheckAgainstParents(waiting, _events).Error is { } error)
                {
                    DropWithDescendants(waiting.Id, error, rejected);
                    continue;
                }

                Accept(waiting, accepted);
            }
        }
    }

    /// <summary>A rejected event's id fixes its content, so its pending descendants can never be accepted.</summary>
    private void DropWithDescendants(EventId root, KithError error, List<RejectedEvent> rejected)
    {
        rejected.Add(new RejectedEvent(root, error));
        var stack = new Stack<EventId>([root]);
        while (stack.TryPop(out EventId parent))
        {
            foreach (ConversationEvent child in _pending.WaitingOn(parent))
            {
                if (_pending.Remove(child.Id))
                {
                    rejected.Add(new RejectedEvent(child.Id, ConversationErrors.ParentRejected));
                    stack.Push(child.Id);
                }
            }
        }
    }
}
