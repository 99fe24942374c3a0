using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>Reopening a log from the events this device stored (<see cref="IEventStore.All"/>).</summary>
public sealed partial class ConversationLog
{
    /// <summary>
    /// The clock a replay checks against: the events were accepted on arrival, clock skew included, and may be old.
    /// </summary>
    private const long ReplayClock = long.MaxValue;

    /// <summary>
    /// Offers <paramref name="stored"/>, events this device accepted before, in their arrival order, exactly as
    /// <see cref="Add"/> would one by one with no clock-skew limit: every other rule is checked again. Their
    /// signatures are checked as a received sync batch's are (<see cref="SameKeyEndorsement"/>, Conversations README,
    /// "Amortised signature checks"), <see cref="Limits.ReplayChunkEvents"/> at a time, so a device's run of events
    /// costs one Ed25519 verification per chunk instead of one per event: reopening a 100,000-event conversation
    /// verified for about 7 s on the 2-core machine before (bench/ sync group, <c>log_reopen_100k_seconds</c>).
    /// </summary>
    /// <param name="stored">The stored events, in arrival order.</param>
    /// <param name="forEach">
    /// Schedules the verifications, as for <see cref="Sync.CheckedSyncEvents.Check(Wire.Sync.SyncEvents, Action{int, Action{int}})"/>
    /// (say, on several cores); on this thread when omitted.
    /// </param>
    /// <returns>The events accepted in their own turn, in order; refused, duplicate and waiting ones are left out.</returns>
    public IReadOnlyList<ConversationEvent> Replay(IReadOnlyList<ConversationEvent> stored, Action<int, Action<int>>? forEach = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var accepted = new List<ConversationEvent>(stored.Count);
        for (int start = 0; start < stored.Count; start += Limits.ReplayChunkEvents)
        {
            ConversationEvent[] chunk = [.. stored.Skip(start).Take(Limits.ReplayChunkEvents)];
            // The other rules (conversation, membership) do not depend on what the log holds, so deciding which
            // events may vouch before offering the chunk is deciding it at each offer.
            VerifiedEvent?[] proofs = SameKeyEndorsement.Prepare(chunk, forEach ?? SameKeyEndorsement.OnThisThread)
                .Finish(e => PassesRulesButSignature(e, ReplayClock));
            for (int i = 0; i < chunk.Length; i++)
            {
                Result<EventAddResult> added = proofs[i] is { } proof ? AddVerified(proof, ReplayClock) : Add(chunk[i], ReplayClock);
                if (added.TryGet(out EventAddResult? result, out _) && result.Outcome == EventAddOutcome.Accepted)
                {
                    accepted.Add(chunk[i]);
                }
            }
        }

        return accepted;
    }
}
