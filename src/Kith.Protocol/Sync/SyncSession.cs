using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>
/// The sans-IO sync state machine of one replica towards one peer, for one conversation: exchange heads,
/// ask for unknown ids, answer asks with bounded batches, and walk back through the parents that events
/// in a batch name but neither log holds yet, until both sides hold everything. A large gap switches to
/// range-based set reconciliation (<see cref="RangeReconciler"/>; see the folder's README).
/// </summary>
/// <remarks>
/// <para>
/// Every step is idempotent: events already held are no-ops in the log, and ids are asked only when the
/// log neither holds nor waits on them. The session's state is the set of ids asked and not yet received
/// (so that one ask is not repeated while its answer is in flight), what the peer is known to hold, and,
/// once reconciling, a snapshot of the log to compare ranges against. A lost message is recovered by
/// starting a new session (the transport does so on reconnect or timeout): the log's heads and pending set
/// carry all progress, so a restarted session resumes where the lost one stopped.
/// </para>
/// <para>Not thread-safe; one session per peer link.</para>
/// </remarks>
public sealed partial class SyncSession
{
    private readonly ConversationLog _log;
    private readonly HashSet<EventId> _asked = [];
    private readonly HashSet<EventId> _peerHas = [];

    /// <summary>Creates a session over <paramref name="log"/>, which it reads and adds to.</summary>
    /// <param name="log">This replica's log of the conversation.</param>
    public SyncSession(ConversationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <summary>The conversation synced.</summary>
    public ConversationId Conversation => _log.Conversation;

    /// <summary>Ids asked of the peer whose events have not arrived in this session.</summary>
    public int Outstanding => _asked.Count;

    /// <summary>
    /// The opening message: this replica's heads (the first <see cref="Limits.MaxSyncIdsPerMessage"/>;
    /// heads beyond that are reached by the peer walking back from later events once they are merged).
    /// </summary>
    public SyncHeads Start() => new(Conversation, _log.Heads.Take(Limits.MaxSyncIdsPerMessage), checked((uint)_log.Count));

    /// <summary>
    /// Handles one message from the peer. Fails, changing nothing, when it names another conversation.
    /// Events in a batch that fail to decode or that the log refuses are reported and skipped: one bad
    /// event does not stop the others, which may come from other authors.
    /// </summary>
    /// <param name="message">The decoded message.</param>
    /// <param name="nowUnixMs">The local clock, unix milliseconds (for the log's timestamp checks).</param>
    public Result<SyncStep> Receive(SyncMessage message, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Conversation != Conversation)
        {
            return SyncErrors.WrongConversation;
        }

        return message switch
        {
            // A restarted session also re-asks the parents its pending events still lack: the asks of an
            // interrupted session may have been lost, and the peer's heads alone would not lead back to them.
            SyncHeads heads => new SyncStep(TakeHeads(heads), [], []),
            SyncWant want => new SyncStep(Answer(want.Ids), [], []),
            SyncEvents batch => Take(batch, nowUnixMs),
            SyncRanges ranges => new SyncStep(Reconcile(ranges), [], []),
            _ => throw new ArgumentException("Unknown sync message type.", nameof(message)),
        };
    }

    private List<SyncMessage> TakeHeads(SyncHeads heads)
    {
        // Everything reachable from the peer's heads in this log is held by the peer (a log accepts an event
        // only after all its parents), so offering ancestors can stop there.
        var stack = new Stack<EventId>(heads.Ids.Where(id => !_peerHas.Contains(id)));
        while (stack.TryPop(out EventId id))
        {
            if (_log.TryGet(id, out ConversationEvent? e) && _peerHas.Add(id))
            {
                foreach (EventId parent in e!.Parents)
                {
                    stack.Push(parent);
                }
            }
        }

        // A peer holding many more events, with heads this log lacks, is a large gap: reconcile ranges
        // instead of walking back one answer per round trip.
        bool lacksHeads = heads.Ids.Any(id => !_log.Contains(id) && !_log.IsPending(id) && !_log.IsRefused(id));
        if (lacksHeads && heads.Held >= (long)_log.Count + Limits.SyncLargeGap)
        {
            return OpenReconciliation();
        }

        return AskFor(heads.Ids.Concat(_log.MissingParents()));
    }

    /// <summary>
    /// Handles an <see cref="SyncEvents"/> batch whose events the caller decoded and verified beforehand (on several
    /// cores, say): exactly <see cref="Receive(SyncMessage, long)"/> of <see cref="CheckedSyncEvents.Message"/>, with
    /// the log skipping the signature checks already done.
    /// </summary>
    /// <param name="batch">The checked batch.</param>
    /// <param name="nowUnixMs">The local clock, unix milliseconds (for the log's timestamp checks).</param>
    public Result<SyncStep> ReceiveChecked(CheckedSyncEvents batch, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Conversation != Conversation ? SyncErrors.WrongConversation : Take(batch, nowUnixMs);
    }

    /// <summary>The batch checked on this thread, so its covered events are not verified one by one either.</summary>
    private SyncStep Take(SyncEvents batch, long nowUnixMs) => Take(CheckedSyncEvents.Check(batch), nowUnixMs);

    private SyncStep Take(CheckedSyncEvents batch, long nowUnixMs)
    {
        var accepted = new List<EventId>();
        var refused = new List<SyncRefusal>();
        VerifiedEvent?[] proofs = batch.Proofs(e => _log.PassesRulesButSignature(e, nowUnixMs));
        for (int i = 0; i < batch.Count; i++)
        {
            VerifiedEvent? verified = proofs[i];
            if (!batch.Decoded[i].TryGet(out ConversationEvent? e, out KithError? decodeError))
            {
                refused.Add(new SyncRefusal(i, null, decodeError!));
                continue;
            }

            _asked.Remove(e!.Id);
            _peerHas.Add(e.Id);
            Result<EventAddResult> offered = verified is null ? _log.Add(e, nowUnixMs) : _log.AddVerified(verified, nowUnixMs);
            if (!offered.TryGet(out EventAddResult? added, out KithError? addError))
            {
                refused.Add(new SyncRefusal(i, e.Id, addError!));
                continue;
            }

            accepted.AddRange(added!.Accepted);
        }

        // Walking back: the parents the pending set still lacks are the next asks; but if an answer (whose
        // oldest events come first) still leaves parents missing, the gap is deeper than one answer, and
        // ranges find it in O(log n) round trips. While reconciling, the ranges will bring every parent.
        if (_reconciling)
        {
            return new SyncStep([], accepted, refused);
        }

        bool deeper = _log.MissingParents().Any(id => !_asked.Contains(id));
        return new SyncStep(deeper ? OpenReconciliation() : AskFor(_log.MissingParents()), accepted, refused);
    }

    /// <summary>
    /// Asks, in messages of at most <see cref="Limits.MaxSyncIdsPerMessage"/>, for the ids neither held, pending,
    /// refused (deleted on this account: known, never wanted again) nor already asked in this session.
    /// </summary>
    private List<SyncMessage> AskFor(IEnumerable<EventId> ids)
    {
        List<EventId> wanted = [.. ids.Where(id => !_log.Contains(id) && !_log.IsPending(id) && !_log.IsRefused(id) && _asked.Add(id))];
        return [.. wanted.Chunk(Limits.MaxSyncIdsPerMessage).Select(chunk => new SyncWant(Conversation, chunk))];
    }

    /// <summary>
    /// The held events among <paramref name="ids"/> and, unasked, up to
    /// <see cref="Limits.MaxSyncOfferedAncestors"/> of their ancestors the peer is not known to hold, oldest
    /// first, in bounded batches; unknown ids are skipped.
    /// </summary>
    private List<SyncMessage> Answer(IReadOnlyList<EventId> ids)
    {
        var chosen = new Dictionary<EventId, ConversationEvent>();
        foreach (EventId id in ids)
        {
            if (_log.TryGet(id, out ConversationEvent? e))
            {
                chosen.TryAdd(id, e!);
            }
        }

        int offered = 0;
        var stack = new Stack<ConversationEvent>(chosen.Values);
        // While reconciling, the peer's wants already name everything it lacks: offering more would send
        // events twice.
        int offerable = _reconciling ? 0 : Limits.MaxSyncOfferedAncestors;
        while (offered < offerable && stack.TryPop(out ConversationEvent? e))
        {
            foreach (EventId parent in e.Parents)
            {
                if (offered < offerable && !_peerHas.Contains(parent)
                    && !chosen.ContainsKey(parent) && _log.TryGet(parent, out ConversationEvent? ancestor))
                {
                    chosen.Add(parent, ancestor!);
                    stack.Push(ancestor!);
                    offered++;
                }
            }
        }

        // Oldest first: timestamps never decrease along a parent edge, so parents mostly arrive before
        // their children and the receiver's pending set stays small.
        return Batch(chosen.Values.OrderBy(DisplayOrder.KeyOf));
    }

    private List<SyncMessage> Batch(IEnumerable<ConversationEvent> events)
    {
        var batches = new List<SyncMessage>();
        var batch = new List<byte[]>();
        long bytes = 0;
        foreach (ConversationEvent e in events)
        {
            if (batch.Count == Limits.MaxSyncEventsPerBatch || bytes + e.EncodedLength > Limits.MaxSyncBatchBytes)
            {
                batches.Add(new SyncEvents(Conversation, batch));
                batch = [];
                bytes = 0;
            }

            _peerHas.Add(e.Id);
            batch.Add(e.ToBytes());
            bytes += e.EncodedLength;
        }

        if (batch.Count > 0)
        {
            batches.Add(new SyncEvents(Conversation, batch));
        }

        return batches;
    }
}
