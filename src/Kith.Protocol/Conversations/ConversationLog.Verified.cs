using Kith.Primitives.Errors;

namespace Kith.Protocol.Conversations;

/// <summary>Events whose signatures the caller verified beforehand (see <see cref="VerifiedEvent"/>).</summary>
public sealed partial class ConversationLog
{
    /// <summary>
    /// Offers an event whose signature was verified beforehand (say, a sync batch verified on several cores):
    /// exactly <see cref="Add(Wire.Conversations.ConversationEvent, long)"/>, without checking the signature again.
    /// </summary>
    /// <param name="candidate">The verified event.</param>
    /// <param name="nowUnixMs">The local clock, unix milliseconds.</param>
    public Result<EventAddResult> AddVerified(VerifiedEvent candidate, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Offer(candidate.Event, nowUnixMs, candidate);
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> passes every intrinsic rule but the signature (conversation, clock skew,
    /// membership): what an event must pass to vouch for another (<see cref="SameKeyEndorsement"/>), as any event
    /// waiting in the pending set did.
    /// </summary>
    internal bool PassesRulesButSignature(Wire.Conversations.ConversationEvent candidate, long nowUnixMs) =>
        EventValidator.CheckIntrinsicButSignature(candidate, Conversation, _membership, nowUnixMs).IsOk;
}
