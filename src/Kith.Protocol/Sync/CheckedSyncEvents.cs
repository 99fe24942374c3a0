using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>
/// A received <see cref="SyncEvents"/> batch with every event decoded and its signature checked
/// (<see cref="VerifiedEvent"/>), ready for <see cref="SyncSession.ReceiveChecked"/>.
/// </summary>
/// <remarks>
/// Issue 4 (sync of 100,000 events): Ed25519 verification was most of a batch's CPU time. An event covered by a
/// same-key descendant in the batch needs none (Conversations README, "Amortised signature checks"), and the
/// verifications left depend on nothing but the events, so the caller runs them on several cores; the session then
/// feeds the log in batch order on one thread. This type stays sans-IO: it starts no threads, the caller's <c>forEach</c> schedules the work. An event
/// whose check failed or never ran goes to the log unverified, which checks (and refuses) it as usual.
/// </remarks>
public sealed class CheckedSyncEvents
{
    private readonly Result<ConversationEvent>[] _decoded;
    private readonly SameKeyEndorsement _signatures;

    private CheckedSyncEvents(SyncEvents message, Result<ConversationEvent>[] decoded, SameKeyEndorsement signatures)
    {
        Message = message;
        _decoded = decoded;
        _signatures = signatures;
    }

    /// <summary>The batch as received.</summary>
    public SyncEvents Message { get; }

    /// <summary>The conversation the batch names.</summary>
    public ConversationId Conversation => Message.Conversation;

    /// <summary>Number of events in the batch.</summary>
    public int Count => _decoded.Length;

    /// <summary>Decodes and checks <paramref name="batch"/> on the calling thread.</summary>
    public static CheckedSyncEvents Check(SyncEvents batch) =>
        Check(batch, SameKeyEndorsement.OnThisThread);

    /// <summary>
    /// Decodes <paramref name="batch"/> and checks its signatures (<see cref="SameKeyEndorsement"/>: the events a
    /// same-key descendant in the batch covers need no verification of their own), the verifications scheduled by
    /// <paramref name="forEach"/>: it is given a count and a thread-safe body to run once for each index in
    /// [0, count), in any order and concurrently (say, <c>Parallel.For</c>), and returns when all have run. It may be
    /// called more than once (a failed verification uncovers other events). Work it skips leaves events without a
    /// proof, for the log to verify.
    /// </summary>
    public static CheckedSyncEvents Check(SyncEvents batch, Action<int, Action<int>> forEach)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(forEach);
        Result<ConversationEvent>[] decoded = [.. batch.Events.Select(bytes => ConversationEvent.Decode(bytes))];
        SameKeyEndorsement signatures = SameKeyEndorsement.Prepare([.. decoded.Select(d => d.IsOk ? d.Value : null)], forEach);
        return new CheckedSyncEvents(batch, decoded, signatures);
    }

    /// <summary>Names the batch only.</summary>
    public override string ToString() => $"CheckedSyncEvents({_decoded.Length} events)";

    /// <summary>Each event decoded (or why it did not decode).</summary>
    internal IReadOnlyList<Result<ConversationEvent>> Decoded => _decoded;

    /// <summary>
    /// The proof of each event's signature, with the log's other rules as they stand now deciding which events
    /// may vouch for others (<see cref="SameKeyEndorsement.Finish"/>); null where the log must check it itself.
    /// </summary>
    internal VerifiedEvent?[] Proofs(Func<ConversationEvent, bool> passesOtherRules) => _signatures.Finish(passesOtherRules);
}
