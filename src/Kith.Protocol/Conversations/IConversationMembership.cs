using Kith.Primitives.Ids;

namespace Kith.Protocol.Conversations;

/// <summary>
/// The log's view of who may write to a conversation. Sender chains and their signing keys reach member
/// devices over the pairwise sessions; whoever keeps that record answers here. The log itself decides
/// nothing about membership.
/// </summary>
public interface IConversationMembership
{
    /// <summary>
    /// Whether <paramref name="author"/> is a member device of <paramref name="conversation"/> and
    /// <paramref name="signingKey"/> is the signing public key of its sender chain <paramref name="chainId"/>.
    /// </summary>
    /// <param name="conversation">The conversation the event belongs to.</param>
    /// <param name="author">The device the event names as its author.</param>
    /// <param name="chainId">The sender chain the event names (32 bytes).</param>
    /// <param name="signingKey">The Ed25519 public key carried in the event (32 bytes).</param>
    bool IsAuthorisedSigner(ConversationId conversation, DeviceId author, ReadOnlySpan<byte> chainId,
        ReadOnlySpan<byte> signingKey);
}
