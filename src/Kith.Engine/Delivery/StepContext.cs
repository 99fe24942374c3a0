using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Protocol.Storage;

namespace Kith.Engine.Delivery;

/// <summary>
/// What one engine step may touch: the step's stores, its time, and the outbox. Items enqueued here commit
/// with everything else the step wrote; the engine sends them after the commit. Valid only inside its step.
/// </summary>
public sealed class StepContext
{
    private readonly Outbox _outbox;
    private readonly List<EventId> _enqueued = [];
    private bool _closed;

    internal StepContext(IStepStores stores, long nowUnixMs)
    {
        Stores = stores;
        NowUnixMs = nowUnixMs;
        _outbox = new Outbox(stores.Outbox);
    }

    /// <summary>The step's stores (one transaction).</summary>
    public IStepStores Stores
    {
        get
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            return field;
        }
    }

    /// <summary>The step's time, from the engine's <see cref="TimeProvider"/>.</summary>
    public long NowUnixMs { get; }

    /// <summary>Items enqueued in this step.</summary>
    internal IReadOnlyList<EventId> Enqueued => _enqueued;

    /// <summary>
    /// Enqueues <paramref name="item"/> for every device in <paramref name="copies"/> (each with the payload
    /// sealed for it): issue 5's "each event is sent to every device of the recipient account and of the sender's
    /// own account", the caller choosing the devices. Idempotent per (item, device); returns the entries added.
    /// </summary>
    public int Enqueue(EventId item, byte kind, IReadOnlyCollection<OutboundCopy> copies)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        int added = _outbox.Enqueue(item, kind, copies, NowUnixMs);
        if (added > 0)
        {
            _enqueued.Add(item);
        }

        return added;
    }

    /// <summary>Withdraws every pending copy for <paramref name="recipient"/> in this step (<see cref="Outbox.Withdraw"/>).</summary>
    public int Withdraw(DeviceId recipient)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return _outbox.Withdraw(recipient);
    }

    /// <summary>The delivery state of <paramref name="item"/> as this step sees it.</summary>
    public Result<DeliveryState> StateOf(EventId item)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return _outbox.StateOf(item);
    }

    internal void Close() => _closed = true;

    /// <summary>Names the type and the time only.</summary>
    public override string ToString() => $"StepContext({NowUnixMs})";
}
