using System.Collections.Concurrent;
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
/// transport would. Each replica runs on a thread of its own, as two devices would each run on their own: the
/// server answers while the receiver commits. The receiving replica takes the messages that have already arrived
/// for it as one run, up to <see cref="Limits.MaxSyncCommitEvents"/> events, checks the run's signatures on every
/// core (<see cref="CheckedSyncEvents"/>; the next run's while this one commits: checking changes no state), feeds the messages to its session in order and commits everything they
/// made its log accept in one transaction; only then do its replies leave (issue 4: state and its effects commit
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
        using var link = new Link();
        link.Send(link.ToReceiver, serving.Start());
        link.Send(link.ToServer, receiving.Start());
        Task serverSide = Task.Factory.StartNew(() => link.Guard(() =>
        {
            foreach (byte[] bytes in link.ToServer.GetConsumingEnumerable())
            {
                List<SyncMessage> replies = phases.Time(SyncPhase.Server, () =>
                    serving.Receive(SyncMessage.Decode(bytes).Value, nowUnixMs).Value.Outgoing.ToList());
                phases.Time(SyncPhase.Encode, () => replies.ForEach(reply => link.Send(link.ToReceiver, reply)));
                link.Handled(1);
            }
        }), TaskCreationOptions.LongRunning);

        link.Guard(() =>
        {
            SyncMessage? carried = null;
            ArrivedRun? next = null;
            while (true)
            {
                ArrivedRun current;
                if (next is not null)
                {
                    current = next;
                }
                else
                {
                    byte[]? bytes = null;
                    if (carried is null && !link.ToReceiver.TryTake(out bytes, Timeout.Infinite))
                    {
                        break;
                    }

                    current = ArrivedRun.Start(phases.Time(SyncPhase.Decode, () => TakeArrived(link.ToReceiver, carried ?? SyncMessage.Decode(bytes!).Value, out carried)));
                }

                (List<EventId> accepted, List<SyncMessage> replies) = Receive(receiving, current, nowUnixMs, phases);

                // The messages that arrived behind this run are checked on every core while it commits.
                next = carried is not null || link.ToReceiver.Count > 0
                    ? ArrivedRun.Start(phases.Time(SyncPhase.Decode, () => TakeArrived(link.ToReceiver, carried ?? SyncMessage.Decode(link.ToReceiver.Take()).Value, out carried)))
                    : null;
                if (accepted.Count > 0)
                {
                    phases.Time(SyncPhase.Persist, () => Persist(receiver, receiverStore, accepted));
                }

                phases.Time(SyncPhase.Encode, () => replies.ForEach(reply => link.Send(link.ToServer, reply)));
                link.Handled(current.Messages.Count);
            }
        });
        serverSide.GetAwaiter().GetResult();
        return link.Sent;
    }

    /// <summary>
    /// <paramref name="first"/> and the receiver's messages already waiting behind it, up to one commit's worth of
    /// events; a message that would overflow it is handed back in <paramref name="carried"/> to open the next run.
    /// </summary>
    private static List<SyncMessage> TakeArrived(BlockingCollection<byte[]> arrivals, SyncMessage first, out SyncMessage? carried)
    {
        var run = new List<SyncMessage> { first };
        int events = Events(first);
        carried = null;
        while (arrivals.TryTake(out byte[]? bytes))
        {
            SyncMessage message = SyncMessage.Decode(bytes).Value;
            if (events + Events(message) > Limits.MaxSyncCommitEvents)
            {
                carried = message;
                break;
            }

            run.Add(message);
            events += Events(message);
        }

        return run;
    }

    private static int Events(SyncMessage message) => message is SyncEvents batch ? batch.Events.Count : 0;

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

            new SqliteEventStore(transaction).AppendMany(log.Conversation, batch);
        });

    /// <summary>A run of arrived messages and the check of its batches, started on every core.</summary>
    private sealed record ArrivedRun(List<SyncMessage> Messages, Task<CheckedSyncEvents?[]> Checked)
    {
        public static ArrivedRun Start(List<SyncMessage> messages) => new(messages, Task.Run(() =>
        {
            var checkedBatches = new CheckedSyncEvents?[messages.Count];
            Parallel.For(0, messages.Count, i => checkedBatches[i] = messages[i] is SyncEvents batch ? CheckedSyncEvents.Check(batch) : null);
            return checkedBatches;
        }));
    }

    /// <summary>
    /// The two directions of the link and the count of messages sent but not yet handled: when it reaches zero the
    /// link is quiet and both directions close, which ends both replicas' loops.
    /// </summary>
    private sealed class Link : IDisposable
    {
        private int _inFlight;
        private int _sent;

        public BlockingCollection<byte[]> ToServer { get; } = new();

        public BlockingCollection<byte[]> ToReceiver { get; } = new();

        public int Sent => Volatile.Read(ref _sent);

        public void Send(BlockingCollection<byte[]> direction, SyncMessage message)
        {
            Interlocked.Increment(ref _inFlight);
            Interlocked.Increment(ref _sent);
            direction.Add(message.Encode());
        }

        /// <summary>Counts messages as handled once their replies are sent, so quiet means nothing more can come.</summary>
        public void Handled(int messages)
        {
            if (Interlocked.Add(ref _inFlight, -messages) == 0)
            {
                Close();
            }
        }

        /// <summary>Runs one side; if it fails, closes the link so the other side stops too, and rethrows.</summary>
        public void Guard(Action side)
        {
            try
            {
                side();
            }
            catch
            {
                Close();
                throw;
            }
        }

        public void Dispose()
        {
            ToServer.Dispose();
            ToReceiver.Dispose();
        }

        public override string ToString() => $"Link({Sent} messages)";

        private void Close()
        {
            ToServer.CompleteAdding();
            ToReceiver.CompleteAdding();
        }
    }
}
