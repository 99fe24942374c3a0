using Kith.Crypto;
using Kith.Engine.Links;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Protocol.Storage;
using Kith.Wire.Delivery;

namespace Kith.Engine.Delivery;

/// <summary>
/// Delivery that never gives up (issue 5, "Links and delivery"): drives the <see cref="Outbox"/> over
/// <see cref="IDeviceLinks"/> and <see cref="IStepRunner"/>. Every change runs as one step (one transaction);
/// frames are sent only after the step committed (docs/ARCHITECTURE.md, Engine). Unacknowledged items are
/// resent on a timer from the injected <see cref="TimeProvider"/> with <see cref="DeliveryBackoff"/>, across
/// restarts (the schedule is in the store), and at once when their device connects.
/// </summary>
/// <remarks>
/// All work is serialised by one lock: link events, timer callbacks and application steps. Steps do not nest,
/// so an <see cref="IInboundHandler"/> must not call <see cref="Step{T}"/>; it enqueues through its own
/// <see cref="StepContext"/>.
/// </remarks>
public sealed partial class DeliveryEngine : IDisposable
{
    private readonly IStepRunner _runner;
    private readonly IDeviceLinks _links;
    private readonly IInboundHandler _inbound;
    private readonly ISyncHandler _sync;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly Lock _gate = new();
    private readonly ArrivedFrames _arrived = new();
    private ITimer? _timer;

    /// <summary>An engine over its collaborators; nothing happens until <see cref="Start"/>.</summary>
    public DeliveryEngine(IStepRunner runner, IDeviceLinks links, IInboundHandler inbound, ISyncHandler sync,
        TimeProvider time, IRandomSource random)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _inbound = inbound ?? throw new ArgumentNullException(nameof(inbound));
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>An item's delivery state changed; raised after the change committed.</summary>
    public event EventHandler<DeliveryChangedEventArgs>? DeliveryChanged;

    /// <summary>A step the engine ran by itself failed and was rolled back (it is retried later).</summary>
    public event EventHandler<EngineFaultEventArgs>? Faulted;

    /// <summary>Subscribes to the links, arms the resend timer and sends what is due (after a restart: resumes).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_timer is not null)
            {
                throw new InvalidOperationException("The engine is already started.");
            }

            _timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _links.Subscribe(new Observer(this));
            FlushDue();
        }
    }

    /// <summary>
    /// Runs an application step: <paramref name="work"/> changes state and enqueues items through its
    /// <see cref="StepContext"/>, all in one transaction. After the commit the engine reports the enqueued items'
    /// state and sends them.
    /// </summary>
    public T Step<T>(Func<StepContext, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            StepContext? context = null;
            T result = _runner.Run(stores =>
            {
                context = new StepContext(stores, NowUnixMs());
                try
                {
                    return work(context);
                }
                finally
                {
                    context.Close();
                }
            });
            AfterCommit(context!);
            return result;
        }
    }

    /// <summary>The delivery state of <paramref name="item"/>: queued, delivered to n of m devices, or seen.</summary>
    public Result<DeliveryState> StateOf(EventId item)
    {
        lock (_gate)
        {
            return _runner.Run(stores => new Outbox(stores.Outbox).StateOf(item));
        }
    }

    /// <summary>Number of entries still waiting for an acknowledgement (for <c>kith status</c>).</summary>
    public long PendingCount()
    {
        lock (_gate)
        {
            return _runner.Run(stores => stores.Outbox.PendingCount());
        }
    }

    /// <summary>Sends an encoded sync message to <paramref name="device"/>; <c>false</c> when it is not connected.</summary>
    public bool SendSync(DeviceId device, ReadOnlySpan<byte> message) => _links.Send(device, new SyncFrame(message).Encode());

    /// <summary>
    /// Tells <paramref name="device"/> (the items' sender) that this device's person saw <paramref name="items"/>.
    /// Best effort: <c>false</c> when it is not connected, and a lost receipt is not resent.
    /// </summary>
    public bool SendSeen(DeviceId device, IReadOnlyCollection<EventId> items) => _links.Send(device, new SeenFrame(items).Encode());

    /// <summary>Stops the resend timer. Link events after this are still handled if the links keep reporting them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
        }
    }

    private long NowUnixMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void AfterCommit(StepContext context)
    {
        if (context.Enqueued.Count == 0)
        {
            return;
        }

        Report(context.Enqueued);
        FlushDue();
    }

    /// <summary>Sends every due entry, a batch per step (each attempt is recorded before its frame leaves), then re-arms.</summary>
    private void FlushDue()
    {
        while (true)
        {
            var (taken, next) = RunOwnStep(stores =>
            {
                Result<IReadOnlyList<OutboxEntry>> due = new Outbox(stores.Outbox).TakeDue(NowUnixMs(), _random);
                return due.Map(entries => (entries, stores.Outbox.NextAttemptUnixMs()));
            }, fallback: ((IReadOnlyList<OutboxEntry>)[], (long?)(NowUnixMs() + Limits.DeliveryBackoffBaseMs)));

            foreach (OutboxEntry entry in taken)
            {
                _links.Send(entry.Recipient, new DeliverFrame(entry.Item, entry.Kind, entry.Payload.Span).Encode());
            }

            if (taken.Count < Limits.MaxDeliveryFlushBatch)
            {
                Arm(next);
                return;
            }
        }
    }

    private void Arm(long? nextUnixMs)
    {
        TimeSpan due = nextUnixMs is { } next
            ? TimeSpan.FromMilliseconds(Math.Max(0, next - NowUnixMs()))
            : Timeout.InfiniteTimeSpan;
        _timer?.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            FlushDue();
        }
    }

    /// <summary>Raises <see cref="DeliveryChanged"/> for <paramref name="items"/> with their committed state.</summary>
    private void Report(IReadOnlyList<EventId> items)
    {
        if (items.Count == 0 || DeliveryChanged is null)
        {
            return;
        }

        var states = RunOwnStep(stores =>
        {
            var outbox = new Outbox(stores.Outbox);
            var found = new List<(EventId, DeliveryState)>(items.Count);
            foreach (EventId item in items)
            {
                Result<DeliveryState> state = outbox.StateOf(item);
                if (!state.IsOk)
                {
                    return Result<List<(EventId, DeliveryState)>>.Fail(state.Error);
                }

                found.Add((item, state.Value));
            }

            return found;
        }, fallback: []);

        foreach (var (item, state) in states)
        {
            DeliveryChanged?.Invoke(this, new DeliveryChangedEventArgs(item, state));
        }
    }

    /// <summary>
    /// Runs a step the engine started by itself. A store error or an exception is reported through
    /// <see cref="Faulted"/> (the step kept nothing) and <paramref name="fallback"/> is returned: a timer or a
    /// link event must never crash the node, and the work is retried by the next flush or resend.
    /// </summary>
    private T RunOwnStep<T>(Func<IStepStores, Result<T>> work, T fallback)
    {
        Result<T> result;
        try
        {
            result = _runner.Run(work);
        }
#pragma warning disable CA1031 // Whatever the application's handler or a store throws, the engine survives and retries.
        catch (Exception)
#pragma warning restore CA1031
        {
            result = EngineErrors.StepFailed;
        }

        if (result.TryGet(out T? value, out KithError? error))
        {
            return value;
        }

        Faulted?.Invoke(this, new EngineFaultEventArgs(error));
        return fallback;
    }

    /// <summary>Names the type only.</summary>
    public override string ToString() => nameof(DeliveryEngine);
}
