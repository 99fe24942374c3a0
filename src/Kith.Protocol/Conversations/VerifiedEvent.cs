using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// An event whose authenticity was established outside the log (PROTOCOL.md, "Validation and order": the signature
/// check of <see cref="EventValidator.CheckIntrinsic(ConversationEvent, Primitives.Ids.ConversationId, IConversationMembership, long)"/>),
/// in one of two ways:
/// <list type="bullet">
/// <item>its own Ed25519 signature verified under the key it carries (<see cref="Verify"/>); or</item>
/// <item>it is a hash-linked ancestor of such an event carrying the same key (<see cref="Endorser"/>; made only by
/// <see cref="SameKeyEndorsement"/>, which walks the parent ids). Conversations README, "Amortised signature
/// checks", says why that proves as much as the event's own signature.</item>
/// </list>
/// A log offered a <see cref="VerifiedEvent"/> skips only the signature check; every other rule still applies,
/// and an endorsed event whose endorser fails those rules has its own signature checked after all.
/// </summary>
/// <remarks>
/// Why it exists (issue 4, sync of 100,000 events): verification is most of a received batch's CPU time and
/// needs nothing but the events, so a caller can check a batch on several cores before handing it, in order,
/// to the single-threaded log. <see cref="ConversationEvent"/> is immutable (its encoding is private and copied
/// out), so the checked bytes are the bytes the log takes.
/// </remarks>
public sealed class VerifiedEvent
{
    private VerifiedEvent(ConversationEvent verified, VerifiedEvent? endorser)
    {
        Event = verified;
        Endorser = endorser;
    }

    /// <summary>The event whose authenticity was established.</summary>
    public ConversationEvent Event { get; }

    /// <summary>
    /// Null when the event's own signature verified; otherwise the event, carrying the same signing key, whose
    /// verified signature covers this one through parent ids. Its own signature verified (never another endorsement).
    /// </summary>
    public VerifiedEvent? Endorser { get; }

    /// <summary>
    /// Checks <paramref name="candidate"/>'s signature. Pure and thread-safe: callers may verify many events
    /// concurrently. Fails with <see cref="ConversationErrors.BadSignature"/> when it does not verify.
    /// </summary>
    public static Result<VerifiedEvent> Verify(ConversationEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Ed25519.Verify(candidate.SigningKey, candidate.SignedContent(), candidate.Signature)
            ? new VerifiedEvent(candidate, null)
            : ConversationErrors.BadSignature;
    }

    /// <summary>
    /// The proof for <paramref name="ancestor"/> that <paramref name="endorser"/> gives. Only
    /// <see cref="SameKeyEndorsement"/> calls it, after finding <paramref name="ancestor"/>'s id among the
    /// endorser's ancestors through parent ids; throws on a caller bug (another key, an endorsement of an endorsement).
    /// </summary>
    internal static VerifiedEvent Endorsed(ConversationEvent ancestor, VerifiedEvent endorser)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        ArgumentNullException.ThrowIfNull(endorser);
        if (endorser.Endorser is not null || !ancestor.SigningKey.SequenceEqual(endorser.Event.SigningKey)
            || ancestor.Id == endorser.Event.Id)
        {
            throw new ArgumentException("An endorser is another event, under the same key, whose own signature verified.", nameof(endorser));
        }

        return new VerifiedEvent(ancestor, endorser);
    }

    /// <summary>Names the event only.</summary>
    public override string ToString() => Endorser is { } by ? $"VerifiedEvent({Event.Id}, through {by.Event.Id})" : $"VerifiedEvent({Event.Id})";
}
