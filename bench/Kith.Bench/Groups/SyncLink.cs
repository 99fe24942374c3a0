using Kith.Primitives;
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
/// transport would. The receiving replica takes the messages that have already arrived for it, up to
/// <see cref="Limits.MaxSyncCommitEvents"/> events, verifies their signatures on every core
/// (<see cref="CheckedSyncEvents"/>), feeds them to its session in order and commits everything they made its
/// log accept in one transaction; only then do its replies leave (issue 4: state and its effects commit
/// together, effects after the commit).
/// </summary>
internal static class SyncLink
{
    /// <summary>
    /// Syncs <paramref name="receiver"/> from <paramref name="server"/> until the link is quiet; returns the messages
    /// sent. <paramref name="phases"/> collects where the time went.
    /// </summary>
    public static int Run(ConversationLog server, ConversationLog receiver, KithDatabase receiverStore, long nowUnixMs, SyncPhases phases)
    {
        var serving = new SyncSession(server);
        var receiving = new SyncSession(receiver);
        var queue = new Queue<(bool ToReceiver, byte[] Bytes)>();
        queue.Enqueue((true, serving.Start().Encode()));
        queue.Enqueue((false, receiving.Start().Encode()));
        int messages = 2;
        while (queue.Count > 0)
        {
            bool toReceiver = queue.Peek().ToReceiver;
            List<SyncMessage> replies = toReceiver
                ? ReceiveArrived(receiving, receiver, phases.Time(SyncPhase.Decode, () => TakeArrived(queue)), receiverStore, nowUnixMs, phases)
                : phases.Time(SyncPhase.Server, () => serving.Receive(SyncMessage.Decode(queue.Dequeue().Bytes).Value, nowUnixMs).Value.Outgoing.ToList());
            phases.Time(SyncPhase.Encode, () =>
            {
                foreach (SyncMessage reply in replies)
                {
                    queue.Enqueue((!toReceiver, reply.Encode()));
                    messages++;
                }
            });
        }

        return messages;
    }

    /// <summary>The receiver's messages at the head of the queue, up to one commit's worth of events.</summary>
    private static List<SyncMessage> TakeArrived(Queue<(bool ToReceiver, byte[] Bytes)> queue)
    {
        var arrived = new List<SyncMessage>();
        int events = 0;
        while (queue.TryPeek(out var next) && next.ToReceiver)
        {
            SyncMessage message = SyncMessage.Decode(next.Bytes).Value;
            int count = message is SyncEvents batch ? batch.Events.Count : 0;
            if (arrived.Count > 0 && events + count > Limits.MaxSyncCommitEvents)
            {
                break;
            }

            _ = queue.Dequeue();
            arrived.Add(message);
            events += count;
        }

        return arrived;
    }

    private static List<SyncMessage> ReceiveArrived(SyncSession session, ConversationLog log, List<SyncMessage> arrived,
        KithDatabase store, long nowUnixMs, SyncPhases phases)
    {
        // Signatures first, on every core; the session then takes the batches in arrival order on this thread.
        var checkedBatches = new CheckedSyncEvents?[arrived.Count];
        phases.Time(SyncPhase.Verify, () =>
            Parallel.For(0, arrived.Count, i => checkedBatches[i] = arrived[i] is SyncEvents batch ? CheckedSyncEvents.Check(batch) : null));
        var accepted = new List<EventId>();
        var replies = new List<SyncMessage>();
        phases.Time(SyncPhase.Receive, () =>
        {
            for (int i = 0; i < arrived.Count; i++)
            {
                SyncStep step = (checkedBatches[i] is { } batch ? session.ReceiveChecked(batch, nowUnixMs) : session.Receive(arrived[i], nowUnixMs)).Value;
                accepted.AddRange(step.Accepted);
                replies.AddRange(step.Outgoing);
            }
        });

        if (accepted.Count > 0)
        {
            phases.Time(SyncPhase.Persist, () => Persist(log, store, accepted));
        }

        return replies;
    }

    private static void Persist(ConversationLog log, KithDatabase store, List<EventId> accepted) =>
        store.RunInTransaction(transaction =>
        {
            // One prepared statement for the whole group (IEventStore.AppendMany), as a receiver persists a batch.
            var batch = new List<ConversationEvent>(accepted.Count);
            foreach (EventId id in accepted)
            {
                _ = log.TryGet(id, out ConversationEvent? e);
                batch.Add(e!);
            }

            _ = new SqliteEventStore(transaction).AppendMany(log.Conversation, batch);
        });
}
