using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The log's view of who may write to a conversation: which devices are members, and until when. The log
/// itself decides nothing about membership.
/// </summary>
/// <remarks>
/// Membership is asked about the author device only, never about its sender chain: every replica must accept
/// the same event set, and whether a chain key belongs to its author is known only to the devices that received
/// the chain over a pairwise session. Binding a chain to its author happens when content is decrypted
/// (<c>Kith.Protocol.Messaging</c>, README "Chains ride in the DAG").
/// </remarks>
public interface IConversationMembership
{
    /// <summary>
    /// Whether <paramref name="author"/> is a member device of <paramref name="conversation"/> at
    /// <paramref name="timestampUnixMs"/>: a device revoked in its account log is not a member for events stamped
    /// at or after the revocation entry.
    /// </summary>
    /// <param name="conversation">The conversation the event belongs to.</param>
    /// <param name="author">The device the event names as its author.</param>
    /// <param name="timestampUnixMs">The event's timestamp.</param>
    bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs);
}
