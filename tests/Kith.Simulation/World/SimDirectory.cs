using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.SenderKeys;
using Kith.Wire.SenderKeys;

namespace Kith.Simulation.World;

/// <summary>
/// The membership stub: every device of the run is a member of the one conversation with exactly one sender
/// chain. It stands in for what each device would learn from account logs and sender-key distributions over
/// pairwise sessions; it is world knowledge, so a restarted device may ask it without breaking "rebuilds from
/// its store and from nothing else". It also keeps each chain's distribution at index 0, so the checker can
/// decrypt every stored event as a member would.
/// </summary>
internal sealed class SimDirectory(ConversationId conversation) : IConversationMembership
{
    private readonly Dictionary<DeviceId, (byte[] ChainId, byte[] SigningKey, byte[] Distribution)> _members = [];
    private (DeviceId Device, long AtUnixMs)? _revoked;

    public ConversationId Conversation { get; } = conversation;

    public IReadOnlyCollection<DeviceId> Devices => _members.Keys;

    /// <summary>Records <paramref name="chain"/> (fresh, at index 0) as <paramref name="device"/>'s sender chain.</summary>
    public void Register(DeviceId device, SenderChain chain)
    {
        using SenderKeyDistribution distribution = chain.CreateDistribution();
        _members.Add(device, (chain.ChainId.ToArray(), chain.SigningPublicKey.ToArray(), distribution.ToBytes()));
    }

    /// <summary>The revoked device, if any.</summary>
    public DeviceId? Revoked => _revoked?.Device;

    /// <summary>
    /// Revokes <paramref name="device"/> from <paramref name="atUnixMs"/> on, as an account log entry would (Kith.Protocol
    /// Messaging README, decision 2: membership is judged at the event's timestamp). Every replica knows it except
    /// the revoked device itself (<see cref="MembershipFor"/>), which keeps writing as if it were still a member.
    /// </summary>
    public void Revoke(DeviceId device, long atUnixMs) => _revoked = (device, atUnixMs);

    /// <summary>The log's question: every registered device is a member, the revoked one only before its revocation.</summary>
    public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
        conversation == Conversation && _members.ContainsKey(author)
        && !(_revoked is { } revoked && revoked.Device == author && timestampUnixMs >= revoked.AtUnixMs);

    /// <summary>The membership <paramref name="viewer"/>'s log judges by: the revoked device never learned of its revocation.</summary>
    public IConversationMembership MembershipFor(DeviceId viewer) =>
        _revoked is { } revoked && revoked.Device == viewer ? new Unaware(this) : this;

    /// <summary>
    /// Whether <paramref name="chainId"/> and <paramref name="signingKey"/> are <paramref name="author"/>'s chain:
    /// the binding a member learns from the chain's announcement, checked by the end-of-run invariants.
    /// </summary>
    public bool IsAuthorsChain(ConversationId conversation, DeviceId author, ReadOnlySpan<byte> chainId,
        ReadOnlySpan<byte> signingKey) =>
        conversation == Conversation && _members.ContainsKey(author) && chainId.SequenceEqual(_members[author].ChainId)
        && signingKey.SequenceEqual(_members[author].SigningKey);

    /// <summary>A member's fresh copy of <paramref name="author"/>'s chain, from its first message on.</summary>
    public ReceivedSenderChain ReceivedChainOf(DeviceId author)
    {
        using SenderKeyDistribution distribution = SenderKeyDistribution.Decode(_members[author].Distribution).Value;
        return ReceivedSenderChain.FromDistribution(author, distribution);
    }

    /// <summary>The revoked device's view: membership as before the revocation.</summary>
    private sealed class Unaware(SimDirectory directory) : IConversationMembership
    {
        public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
            conversation == directory.Conversation && directory._members.ContainsKey(author);
    }
}
