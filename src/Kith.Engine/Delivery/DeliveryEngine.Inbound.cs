using Kith.Engine.Links;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Wire.Delivery;

namespace Kith.Engine.Delivery;

public sealed partial class DeliveryEngine
{
    private void OnConnected(DeviceId device)
    {
        lock (_gate)
        {
            // Everything pending for the device goes now, not when its backoff ends.
            RunOwnStep(stores => Result<int>.Ok(new Outbox(stores.Outbox).Hasten(device, NowUnixMs())), fallback: 0);
            FlushDue();
        }

        _sync.Connected(device);
    }

    /// <summary>
    /// Queues the frame; the thread that finds no drain running handles runs of queued frames until none is left
    /// (<see cref="ArrivedFrames"/>), so frames that arrived together are handled together.
    /// </summary>
    private void OnReceived(DeviceId from, ReadOnlyMemory<byte> bytes)
    {
        if (!_arrived.Add(from, bytes))
        {
            return;
        }

        bool drained = false;
        try
        {
            for (List<ArrivedFrame> run = _arrived.Take(); run.Count > 0; run = _arrived.Take())
            {
                Handle(run);
            }

            drained = true;
        }
        finally
        {
            if (!drained)
            {
                _arrived.Abandon();
            }
        }
    }

    /// <summary>
    /// Handles a run of arrived frames in order; a device's consecutive sync messages go to
    /// <see cref="ISyncHandler.ReceivedTogether"/> as one run, so the application can take them in one step.
    /// </summary>
    private void Handle(List<ArrivedFrame> run)
    {
        var syncRun = new List<ReadOnlyMemory<byte>>();
        DeviceId syncFrom = default;
        foreach (ArrivedFrame arrived in run)
        {
            // A frame that does not decode is dropped: the transport limits misbehaving peers, and nothing changed.
            if (!LinkFrame.Decode(arrived.Frame.Span).TryGet(out LinkFrame? frame, out _))
            {
                continue;
            }

            if (syncRun.Count > 0 && (frame is not SyncFrame || arrived.From != syncFrom))
            {
                HandOver(syncFrom, syncRun);
            }

            switch (frame)
            {
                case DeliverFrame deliver:
                    OnDeliver(arrived.From, deliver);
                    break;
                case AckFrame ack:
                    OnAdvance(arrived.From, ack.Ids, OutboxEntryState.Delivered);
                    break;
                case SeenFrame seen:
                    OnAdvance(arrived.From, seen.Ids, OutboxEntryState.Seen);
                    break;
                case SyncFrame sync:
                    syncFrom = arrived.From;
                    syncRun.Add(sync.Message);
                    break;
            }
        }

        if (syncRun.Count > 0)
        {
            HandOver(syncFrom, syncRun);
        }
    }

    private void HandOver(DeviceId from, List<ReadOnlyMemory<byte>> syncRun)
    {
        ReadOnlyMemory<byte>[] messages = [.. syncRun];
        syncRun.Clear();
        if (messages.Length == 1)
        {
            _sync.Received(from, messages[0]);
        }
        else
        {
            _sync.ReceivedTogether(from, messages);
        }
    }

    /// <summary>
    /// Applies a delivered item once, in one step with its inbox record, and acknowledges it only after that step
    /// committed. A resent item the inbox already holds is acknowledged again and not applied.
    /// </summary>
    private void OnDeliver(DeviceId from, DeliverFrame frame)
    {
        lock (_gate)
        {
            StepContext? context = null;
            bool acknowledge = RunOwnStep(stores =>
            {
                context = new StepContext(stores, NowUnixMs());
                try
                {
                    return Apply(new InboundItem(from, frame.Id, frame.ItemKind, frame.Payload), context, new Inbox(stores.State));
                }
                finally
                {
                    context.Close();
                }
            }, fallback: false);

            if (acknowledge)
            {
                _links.Send(from, new AckFrame([frame.Id]).Encode());
            }

            if (context is not null && acknowledge)
            {
                AfterCommit(context);
            }
        }
    }

    private Result<bool> Apply(InboundItem item, StepContext context, Inbox inbox)
    {
        if (!inbox.Contains(item.From, item.Id).TryGet(out bool known, out KithError? error))
        {
            return error;
        }

        if (known)
        {
            return true;
        }

        Result<Unit> applied = _inbound.Apply(item, context);
        if (!applied.IsOk && applied.Error.Retryable)
        {
            // Not now (say, the session that opens it arrives later): no record and no ack, so it is resent.
            return false;
        }

        // Applied, or rejected for good: either way it must not be applied again, and the sender may stop.
        inbox.Record(item.From, item.Id);
        return true;
    }

    private void OnAdvance(DeviceId from, IReadOnlyList<EventId> items, OutboxEntryState state)
    {
        lock (_gate)
        {
            IReadOnlyList<EventId> changed = RunOwnStep(stores =>
            {
                var outbox = new Outbox(stores.Outbox);
                return state == OutboxEntryState.Seen ? outbox.MarkSeen(from, items) : outbox.Acknowledge(from, items);
            }, fallback: []);
            Report(changed);
        }
    }

    /// <summary>Forwards link events to the engine without making its handlers public.</summary>
    private sealed class Observer(DeliveryEngine engine) : IDeviceLinkObserver
    {
        public void Connected(DeviceId device) => engine.OnConnected(device);

        // Nothing to do: entries for the device stay pending, and a send to it simply fails until it is back.
        public void Disconnected(DeviceId device)
        {
        }

        public void Received(DeviceId device, ReadOnlyMemory<byte> frame) => engine.OnReceived(device, frame);

        public override string ToString() => nameof(Observer);
    }
}
