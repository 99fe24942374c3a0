using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Bench.Groups;

/// <summary>
/// Two <see cref="SyncSession"/>s joined by an in-memory link that encodes and decodes every message, as a
/// transport would. The receiving replica commits the events each message made its log accept in one
/// transaction of its store, before handling the next message (issue 4: state and its effects commit
/// together).
/// </summary>
internal static class SyncLink
{
    /// <summary>Syncs <paramref name="receiver"/> from <paramref name="server"/> until the link is quiet; returns the messages sent.</summary>
    public static int Run(ConversationLog server, ConversationLog receiver, KithDatabase receiverStore, long nowUnixMs)
    {
        var serving = new SyncSession(server);
        var receiving = new SyncSession(receiver);
        var queue = new Queue<(bool ToReceiver, byte[] Bytes)>();
        queue.Enqueue((true, serving.Start().Encode()));
        queue.Enqueue((false, receiving.Start().Encode()));
        int messages = 2;
        while (queue.TryDequeue(out var item))
        {
            SyncMessage message = SyncMessage.Decode(item.Bytes).Value;
            SyncStep step = (item.ToReceiver ? receiving : serving).Receive(message, nowUnixMs).Value;
            if (item.ToReceiver && step.Accepted.Count > 0)
            {
                Persist(receiver, receiverStore, step.Accepted);
            }

            foreach (SyncMessage reply in step.Outgoing)
            {
                queue.Enqueue((!item.ToReceiver, reply.Encode()));
                messages++;
            }
        }

        return messages;
    }

    private static void Persist(ConversationLog log, KithDatabase store, IReadOnlyList<EventId> accepted) =>
        store.RunInTransaction(transaction =>
        {
            // One prepared statement for the whole batch (IEventStore.AppendMany), as a receiver persists a batch.
            var batch = new List<ConversationEvent>(accepted.Count);
            foreach (EventId id in accepted)
            {
                _ = log.TryGet(id, out ConversationEvent? e);
                batch.Add(e!);
            }

            _ = new SqliteEventStore(transaction).AppendMany(log.Conversation, batch);
        });
}
