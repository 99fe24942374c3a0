using Kith.Protocol.Conversations;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;

namespace Kith.Protocol.Messaging;

/// <summary>
/// The device's stores a replica writes through. The caller binds them to one SQLite transaction per step
/// (send, receive, deletion), so each state change commits with the events it produced.
/// </summary>
/// <param name="Events">Accepted events, per conversation.</param>
/// <param name="Messages">Decrypted content with display positions.</param>
/// <param name="State">Sender chains, announced-to sets, refusals, previous sessions.</param>
/// <param name="Sessions">Pairwise Double Ratchet sessions.</param>
public sealed record ReplicaStores(IEventStore Events, IMessageStore Messages, IStateStore State, ISessionStore Sessions)
{
    /// <summary>Names the type only: the stores hold secrets.</summary>
    public override string ToString() => nameof(ReplicaStores);
}
