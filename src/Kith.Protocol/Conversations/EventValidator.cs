using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The acceptance rules of a conversation event (PROTOCOL.md, "Validation and order"). Pure functions:
/// the log calls them before it changes anything.
/// </summary>
public static class EventValidator
{
    /// <summary>
    /// The checks that need nothing but the event itself: right conversation, timestamp not beyond
    /// <paramref name="nowUnixMs"/> plus <see cref="Limits.MaxEventClockSkewMs"/>, an author that is a member device
    /// at the event's timestamp, and a valid signature under the key the event carries. Sizes were checked when
    /// the event was decoded or built.
    /// </summary>
    public static Result<Unit> CheckIntrinsic(ConversationEvent candidate, ConversationId conversation,
        IConversationMembership membership, long nowUnixMs) =>
        CheckIntrinsic(candidate, conversation, membership, nowUnixMs, signatureVerified: false);

    /// <summary>
    /// The same checks for an event whose authenticity was established beforehand: all but the signature. An
    /// event vouched for by a same-key descendant (<see cref="VerifiedEvent.Endorser"/>) counts only while that
    /// descendant passes the same checks, as a pending one does (Conversations README, "Amortised signature
    /// checks"); otherwise the event's own signature is checked.
    /// </summary>
    public static Result<Unit> CheckIntrinsic(VerifiedEvent candidate, ConversationId conversation,
        IConversationMembership membership, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        bool vouched = candidate.Endorser is not { } endorser
            || CheckIntrinsicButSignature(endorser.Event, conversation, membership, nowUnixMs).IsOk;
        return CheckIntrinsic(candidate.Event, conversation, membership, nowUnixMs, signatureVerified: vouched);
    }

    /// <summary>The intrinsic checks without the signature: what an event must pass to vouch for another.</summary>
    internal static Result<Unit> CheckIntrinsicButSignature(ConversationEvent candidate, ConversationId conversation,
        IConversationMembership membership, long nowUnixMs) =>
        CheckIntrinsic(candidate, conversation, membership, nowUnixMs, signatureVerified: true);

    private static Result<Unit> CheckIntrinsic(ConversationEvent candidate, ConversationId conversation,
        IConversationMembership membership, long nowUnixMs, bool signatureVerified)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(membership);
        if (candidate.Conversation != conversation)
        {
            return ConversationErrors.WrongConversation;
        }

        // Saturating: a caller's clock near long.MaxValue must not overflow into accepting the past only.
        long latest = nowUnixMs > long.MaxValue - Limits.MaxEventClockSkewMs ? long.MaxValue : nowUnixMs + Limits.MaxEventClockSkewMs;
        if (candidate.TimestampUnixMs > latest)
        {
            return ConversationErrors.FromTheFuture;
        }

        if (!membership.IsMember(conversation, candidate.Author, candidate.TimestampUnixMs))
        {
            return ConversationErrors.NotMember;
        }

        return signatureVerified || Ed25519.Verify(candidate.SigningKey, candidate.SignedContent(), candidate.Signature)
            ? Result.Ok()
            : ConversationErrors.BadSignature;
    }

    /// <summary>
    /// Briar's rule for its DAG-structured private groups: an event's timestamp is not earlier than any of
    /// its parents', so time never runs backwards along an edge and a back-dated event cannot slip above
    /// history it claims to have seen. Every parent must be in <paramref name="known"/> or refused (deleted):
    /// a refused parent is satisfied and has no timestamp to compare.
    /// </summary>
    public static Result<Unit> CheckAgainstParents(ConversationEvent candidate,
        IReadOnlyDictionary<EventId, ConversationEvent> known)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(known);
        foreach (EventId parent in candidate.Parents)
        {
            if (known.TryGetValue(parent, out ConversationEvent? held) && held.TimestampUnixMs > candidate.TimestampUnixMs)
            {
                return ConversationErrors.BackDated;
            }
        }

        return Result.Ok();
    }
}
