using Kith.Primitives.Ids;
using Kith.Simulation.Replicas;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Simulation.Broken;

/// <summary>
/// Broken on purpose: silently throws away every event of one author that arrives by sync, so its events (and
/// their descendants) never arrive.
/// </summary>
internal sealed class IgnoresAuthorReplica(ISimReplica inner, DeviceId ignored) : ReplicaDecorator(inner)
{
    public override IReadOnlyList<byte[]> Deliver(DeviceId peer, byte[] message, long nowUnixMs)
    {
        if (SyncMessage.Decode(message).TryGet(out SyncMessage? decoded, out _) && decoded is SyncEvents batch)
        {
            List<byte[]> kept = [.. batch.Events.Where(e =>
                !ConversationEvent.Decode(e).TryGet(out ConversationEvent? decodedEvent, out _) || decodedEvent!.Author != ignored)];
            message = new SyncEvents(batch.Conversation, kept).Encode();
        }

        return Inner.Deliver(peer, message, nowUnixMs);
    }
}
