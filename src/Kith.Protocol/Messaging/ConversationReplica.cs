using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Prekeys;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Messaging;

/// <summary>
/// One device's replica of one 1:1 conversation or own-account log (README): the <see cref="ConversationLog"/>,
/// this device's sender chain, the chains received from member devices, and the decrypted store with display
/// positions. Sans-IO; every step writes through <see cref="ReplicaStores"/>, which the caller commits in one
/// transaction. Not thread-safe.
/// </summary>
public sealed partial class ConversationReplica
{
    private readonly ReplicaStores _stores;
    private readonly ChainStore _chains;
    private readonly PairwiseChannel _channel;
    private readonly MembershipHolder _membership;
    private readonly SenderChainRotationPolicy _rotation;
    private readonly WaitingForChain _waiting = new();
    private readonly HashSet<EventId> _shown = [];
    private readonly ConversationLog _log;
    private Dictionary<EventId, int> _positions = [];

    private ConversationReplica(DevicePrekeySecrets local, AccountMembership membership, ReplicaStores stores,
        Func<DeviceId, DevicePrekeys?> prekeysOf, SenderChainRotationPolicy rotation)
    {
        Local = local.Published.Device;
        Conversation = membership.Conversation;
        _stores = stores;
        _chains = new ChainStore(stores.State, Conversation);
        _channel = new PairwiseChannel(local, stores.Sessions, stores.State, prekeysOf);
        _membership = new MembershipHolder(membership);
        _rotation = rotation;
        _clearedUpTo = _chains.ClearedUpTo();
        _log = new ConversationLog(Conversation, _membership, isRefused: _chains.IsRefused, refuses: Refuses);
    }

    /// <summary>This device.</summary>
    public DeviceId Local { get; }

    /// <summary>The conversation.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The event DAG (read-only use: sync reads heads, events and refusals from it).</summary>
    public ConversationLog Log => _log;

    /// <summary>Accepted content events waiting for their chain's announcement.</summary>
    public int WaitingForChainCount => _waiting.Count;

    /// <summary>
    /// Opens the replica from its stores: replays the stored events into a fresh log (display order does not
    /// depend on arrival order), finds what is shown, and retries what was not readable yet. Nothing shown is
    /// decrypted again.
    /// </summary>
    /// <param name="local">This device's prekey secrets (its identity for sessions; consumed one-time prekeys are
    /// removed from it, and the caller persists it).</param>
    /// <param name="membership">The member devices of the conversation.</param>
    /// <param name="stores">The device's stores.</param>
    /// <param name="prekeysOf">A member device's published prekeys, to start a session; null when unknown.</param>
    /// <param name="rotation">When this device's chain rotates; <see cref="SenderChainRotationPolicy.Default"/> when omitted.</param>
    public static Result<ConversationReplica> Open(DevicePrekeySecrets local, AccountMembership membership, ReplicaStores stores,
        Func<DeviceId, DevicePrekeys?> prekeysOf, SenderChainRotationPolicy? rotation = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(prekeysOf);
        var replica = new ConversationReplica(local, membership, stores, prekeysOf, rotation ?? SenderChainRotationPolicy.Default);
        Result<IReadOnlyList<ConversationEvent>> stored = stores.Events.All(replica.Conversation);
        if (!stored.TryGet(out IReadOnlyList<ConversationEvent>? events, out KithError? error))
        {
            return error;
        }

        IReadOnlyList<ConversationEvent> accepted = replica._log.Replay(events);

        foreach (ConversationEvent e in accepted)
        {
            Result<ShownMessage?> shown = stores.Messages.Get(replica.Conversation, e.Id);
            if (!shown.IsOk)
            {
                return shown.Error;
            }

            if (shown.Value is not null)
            {
                _ = replica._shown.Add(e.Id);
            }
        }

        replica._positions = Positions(replica._log.Order());
        replica._log.MarkOrderSeen();
        var effects = new Effects();
        Result<Unit> processed = replica.Process([.. accepted.Select(e => e.Id)], effects, store: false);
        if (!processed.IsOk)
        {
            return processed.Error;
        }

        replica.PlaceShown(effects);
        return replica;
    }

    /// <summary>
    /// Replaces the membership after an account log changed (a device added or revoked). The next send rotates the
    /// chain when the member devices differ from those it was announced to.
    /// </summary>
    public void UpdateMembership(AccountMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        if (membership.Conversation != Conversation)
        {
            throw new ArgumentException("The membership is for another conversation.", nameof(membership));
        }

        _membership.Current = membership;
    }

    /// <summary>Names the device and conversation.</summary>
    public override string ToString() => $"ConversationReplica({Local}, {Conversation})";

    private static Dictionary<EventId, int> Positions(IReadOnlyList<EventId> order)
    {
        var positions = new Dictionary<EventId, int>(order.Count);
        for (int i = 0; i < order.Count; i++)
        {
            positions.Add(order[i], i);
        }

        return positions;
    }

    /// <summary>The log holds the membership through this, so a replaced snapshot takes effect at once.</summary>
    private sealed class MembershipHolder(AccountMembership current) : IConversationMembership
    {
        public AccountMembership Current { get; set; } = current;

        public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
            Current.IsMember(conversation, author, timestampUnixMs);
    }
}
