using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// Checks the signatures of a received batch of events with as few Ed25519 verifications as the batch allows
/// (Conversations README, "Amortised signature checks"). An event is vouched for by a later event of the batch
/// under the same signing key whose own signature verifies and whose parent ids lead to it, as every block under
/// a signed Merkle root is in Hypercore, provided every event on the way is itself authentic and passes the
/// log's other rules: exactly what a descendant waiting in the log's pending set offers, so the outcome never
/// depends on how events were batched. Only the events nothing covers are verified.
/// </summary>
/// <remarks>
/// Two stages. <see cref="Prepare"/>, outside the log (on several cores, say), assumes every event passes the
/// other rules and verifies, in rounds, the events nothing covers: a round's failures uncover the events only they
/// covered, which the next round verifies, so a forged event never vouches for anything and an honest batch takes
/// one round. <see cref="Finish"/>, in the log's step, applies the other rules as they stand then, and verifies on
/// the spot whatever that leaves uncovered (nothing, for an honest batch). Sound whatever the batch order: a parent
/// placed after its child is verified itself. Keys beyond <see cref="Limits.MaxEndorsingKeysPerBatch"/> vouch for nothing.
/// </remarks>
internal sealed class SameKeyEndorsement
{
    private readonly IReadOnlyList<ConversationEvent?> _events;
    private readonly Dictionary<EventId, int> _positions;
    private readonly int[] _keyOf;
    private readonly int _keyCount;
    private readonly SignatureCheck[] _checks;
    private readonly VerifiedEvent?[] _own;

    private SameKeyEndorsement(IReadOnlyList<ConversationEvent?> events)
    {
        _events = events;
        _positions = new Dictionary<EventId, int>(events.Count);
        _keyOf = new int[events.Count];
        _checks = new SignatureCheck[events.Count];
        _own = new VerifiedEvent?[events.Count];
        var keys = new List<byte[]>();
        for (int i = 0; i < events.Count; i++)
        {
            _keyOf[i] = -1;
            if (events[i] is not { } e)
            {
                continue;
            }

            _ = _positions.TryAdd(e.Id, i);
            int key = keys.FindIndex(k => e.SigningKey.SequenceEqual(k));
            if (key < 0 && keys.Count < Limits.MaxEndorsingKeysPerBatch)
            {
                keys.Add(e.SigningKey.ToArray());
                key = keys.Count - 1;
            }

            _keyOf[i] = key;
        }

        _keyCount = keys.Count;
    }

    private enum SignatureCheck : byte
    {
        Untried,
        Verified,
        Failed,
    }

    /// <summary>
    /// Verifies the signatures <paramref name="events"/> (null where one did not decode) needs, assuming every event
    /// passes the other rules. <paramref name="forEach"/> is given a count and a thread-safe body, as in
    /// <see cref="Sync.CheckedSyncEvents.Check(Wire.Sync.SyncEvents, Action{int, Action{int}})"/>; bodies it skips
    /// count as failed verifications here, and the log verifies those events itself.
    /// </summary>
    public static SameKeyEndorsement Prepare(IReadOnlyList<ConversationEvent?> events, Action<int, Action<int>> forEach)
    {
        var endorsement = new SameKeyEndorsement(events);
        _ = endorsement.Settle(static _ => true, forEach);
        return endorsement;
    }

    /// <summary>
    /// The proof for each event (null where it has none), with <paramref name="passesOtherRules"/> (the log's
    /// intrinsic checks but the signature) deciding which events may vouch or pass a vouching on; signatures that
    /// leaves unchecked are verified on the calling thread.
    /// </summary>
    public VerifiedEvent?[] Finish(Func<ConversationEvent, bool> passesOtherRules)
    {
        int[] endorsers = Settle(passesOtherRules, OnThisThread);
        var proofs = new VerifiedEvent?[_events.Count];
        for (int i = 0; i < proofs.Length; i++)
        {
            proofs[i] = _own[i] ?? (endorsers[i] >= 0 && _own[endorsers[i]] is { } by ? VerifiedEvent.Endorsed(_events[i]!, by) : null);
        }

        return proofs;
    }

    /// <summary>The scheduler that runs every body in order on the calling thread.</summary>
    internal static void OnThisThread(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        for (int i = 0; i < count; i++)
        {
            body(i);
        }
    }

    /// <summary>Verifies, round after round, the valid events that nothing covers; returns each event's endorser or -1.</summary>
    private int[] Settle(Func<ConversationEvent, bool> passesOtherRules, Action<int, Action<int>> forEach)
    {
        bool[] valid = [.. _events.Select(e => e is not null && passesOtherRules(e))];
        while (true)
        {
            int[] endorsers = Endorsers(valid);
            int[] roots = [.. Enumerable.Range(0, _events.Count).Where(i => valid[i] && _checks[i] == SignatureCheck.Untried && endorsers[i] < 0)];
            if (roots.Length == 0)
            {
                return endorsers;
            }

            forEach(roots.Length, r => _own[roots[r]] = VerifiedEvent.Verify(_events[roots[r]]!).TryGet(out VerifiedEvent? ok, out _) ? ok : null);
            foreach (int i in roots)
            {
                _checks[i] = _own[i] is null ? SignatureCheck.Failed : SignatureCheck.Verified;
            }
        }
    }

    /// <summary>
    /// For each event, a later valid event under the same key, verified (or untried: it is verified next), whose
    /// parent ids lead to it through valid, authentic events; or -1. One pass from the last event to the first:
    /// <c>reach[key][i]</c> is the best such descendant under <c>key</c> found so far for event i, verified preferred.
    /// </summary>
    private int[] Endorsers(bool[] valid)
    {
        int count = _events.Count;
        int[][] reach = [.. Enumerable.Range(0, _keyCount).Select(_ => Enumerable.Repeat(-1, count).ToArray())];
        for (int child = count - 1; child >= 0; child--)
        {
            int own = _keyOf[child];
            bool covered = own >= 0 && reach[own][child] >= 0;
            if (!valid[child] || (_checks[child] == SignatureCheck.Failed && !covered))
            {
                continue; // Not authentic, or refused by the log anyway: it vouches for nothing and passes nothing on.
            }

            foreach (EventId parentId in _events[child]!.Parents)
            {
                if (!_positions.TryGetValue(parentId, out int parent))
                {
                    continue;
                }

                for (int key = 0; key < _keyCount; key++)
                {
                    int offered = reach[key][child];
                    if (key == own && (_checks[child] == SignatureCheck.Verified || (offered < 0 && _checks[child] == SignatureCheck.Untried)))
                    {
                        offered = child;
                    }

                    if (offered >= 0 && Better(reach[key][parent], offered))
                    {
                        reach[key][parent] = offered;
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, count).Select(i => _keyOf[i] >= 0 ? reach[_keyOf[i]][i] : -1)];
    }

    private bool Better(int current, int offered) =>
        current < 0 || (_checks[current] != SignatureCheck.Verified && _checks[offered] == SignatureCheck.Verified);
}
