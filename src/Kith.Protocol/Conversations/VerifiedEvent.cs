using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Conversations;

/// <summary>
/// An event whose Ed25519 signature verifies under the chain key it carries (PROTOCOL.md, "Validation and order":
/// the signature check of <see cref="EventValidator.CheckIntrinsic(ConversationEvent, Primitives.Ids.ConversationId, IConversationMembership, long)"/>).
/// Only <see cref="Verify"/> makes one, so a log offered a <see cref="VerifiedEvent"/> knows the check really ran
/// and skips only that check; every other rule still applies.
/// </summary>
/// <remarks>
/// Why it exists (issue 4, sync of 100,000 events): verification is most of a received batch's CPU time and
/// needs nothing but the event, so a caller can verify a batch on several cores before handing it, in order,
/// to the single-threaded log. <see cref="ConversationEvent"/> is immutable (its encoding is private and copied
/// out), so the verified bytes are the bytes the log takes.
/// </remarks>
public sealed class VerifiedEvent
{
    private VerifiedEvent(ConversationEvent verified) => Event = verified;

    /// <summary>The event whose signature verified.</summary>
    public ConversationEvent Event { get; }

    /// <summary>
    /// Checks <paramref name="candidate"/>'s signature. Pure and thread-safe: callers may verify many events
    /// concurrently. Fails with <see cref="ConversationErrors.BadSignature"/> when it does not verify.
    /// </summary>
    public static Result<VerifiedEvent> Verify(ConversationEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Ed25519.Verify(candidate.SigningKey, candidate.SignedContent(), candidate.Signature)
            ? new VerifiedEvent(candidate)
            : ConversationErrors.BadSignature;
    }

    /// <summary>Names the event only.</summary>
    public override string ToString() => $"VerifiedEvent({Event.Id})";
}
