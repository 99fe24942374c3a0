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
/// transport would. The receiving replica takes the messages that have already arrived for it as one run, up to
/// <see cref="Limits.MaxSyncCommitEvents"/> events, feeds them to its session in order and commits everything they
/// made its log accept in one transaction; only then do its replies leave (issue 4: state and its effects commit
/// together, effects after the commit). Each run's signatures are verified on every core
/// (<see cref="CheckedSyncEvents"/>), the next run's while this one commits: verification changes no state.
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
        ArrivedRun? next = null;
        while (next is not null || queue.Count > 0)
        {
            bool toReceiver = next is not null || queue.Peek().ToReceiver;
            List<SyncMessage> replies;
            if (toReceiver)
            {
                ArrivedRun current = next ?? ArrivedRun.Start(phases.Time(SyncPhase.Decode, () => TakeArrived(queue)));
                (List<EventId> accepted, replies) = Receive(receiving, current, nowUnixMs, phases);

                // The messages that arrived behind this run are verified while it commits.
                next = queue.TryPeek(out var behind) && behind.ToReceiver
                    ? ArrivedRun.Start(phases.Time(SyncPhase.Decode, () => TakeArrived(queue)))
                    : null;
                if (accepted.Count > 0)
                {
                    phases.Time(SyncPhase.Persist, () => Persist(receiver, receiverStore, accepted));
                }
            }
            else
            {
                replies = phases.Time(SyncPhase.Server, () => serving.Receive(SyncMessage.Decode(queue.Dequeue().Bytes).Value, nowUnixMs).Value.Outgoing.ToList());
            }

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

    /// <summary>The session takes a run's messages in arrival order, each batch with its signatures already checked.</summary>
    private static (List<EventId> Accepted, List<SyncMessage> Replies) Receive(SyncSession session, ArrivedRun run, long nowUnixMs, SyncPhases phases)
    {
        CheckedSyncEvents?[] checkedBatches = phases.Time(SyncPhase.Verify, () => run.Checked.Result);
        return phases.Time(SyncPhase.Receive, () =>
        {
            var accepted = new List<EventId>();
            var replies = new List<SyncMessage>();
            for (int i = 0; i < run.Messages.Count; i++)
            {
                SyncStep step = (checkedBatches[i] is { } batch
                    ? session.ReceiveChecked(batch, nowUnixMs)
                    : session.Receive(run.Messages[i], nowUnixMs)).Value;
                accepted.AddRange(step.Accepted);
                replies.AddRange(step.Outgoing);
            }

            return (accepted, replies);
        });
    }

    private static void Persist(ConversationLog log, KithDatabase store, List<EventId> accepted) =>
        store.RunInTransaction(transaction =>
        {
            // One prepared statement for the whole run (IEventStore.AppendMany), as a receiver persists a batch.
            var batch = new List<ConversationEvent>(accepted.Count);
            foreach (EventId id in accepted)
            {
                _ = log.TryGet(id, out ConversationEvent? e);
                batch.Add(e!);
            }

            _ = new SqliteEventStore(transaction).AppendMany(log.Conversation, batch);
        });

    /// <summary>A run of arrived messages and the verification of its batches, started on every core.</summary>
    private sealed record ArrivedRun(List<SyncMessage> Messages, Task<CheckedSyncEvents?[]> Checked)
    {
        public static ArrivedRun Start(List<SyncMessage> messages) => new(messages, Task.Run(() =>
        {
            var checkedBatches = new CheckedSyncEvents?[messages.Count];
            Parallel.For(0, messages.Count, i => checkedBatches[i] = messages[i] is SyncEvents batch ? CheckedSyncEvents.Check(batch) : null);
            return checkedBatches;
        }));
    }
}
