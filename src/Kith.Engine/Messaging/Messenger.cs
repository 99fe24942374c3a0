using Kith.Crypto;
using Kith.Engine.Delivery;
using Kith.Engine.Links;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Devices;
using Kith.Protocol.Messaging;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Storage;

namespace Kith.Engine.Messaging;

/// <summary>
/// One device's messenger (issue 5, "Links and delivery"): the 1:1 conversation with each contact and the
/// own-account log, as <see cref="ConversationReplica"/>s kept in memory, driven by a <see cref="DeliveryEngine"/>
/// that delivers every event to every other member device and runs sync when member devices connect.
/// </summary>
/// <remarks>
/// Every change is one engine step (one transaction) and its effects (frames, <see cref="MessageShown"/>) follow the
/// commit. A cached replica changes in memory while its step runs, so when a step fails the replicas it touched are
/// dropped and reopened from the stores on next use: memory never runs ahead of the database.
/// </remarks>
public sealed partial class Messenger : IInboundHandler, ISyncHandler, IDisposable
{
    private readonly DeviceKeys _keys;
    private readonly IMessengerDirectory _directory;
    private readonly IRandomSource _random;
    private readonly SenderChainRotationPolicy? _rotation;
    private readonly StepBoundStores _bound = new();
    private readonly Dictionary<ConversationId, ConversationReplica> _replicas = [];
    private readonly Lock _gate = new();
    private readonly ThreadLocal<StepScratch> _scratch = new(() => new StepScratch());

    /// <summary>A messenger and its engine; nothing happens until <see cref="Start"/>.</summary>
    /// <param name="keys">This device's keys (identity and prekey secrets).</param>
    /// <param name="directory">Accounts, contacts, device prekeys.</param>
    /// <param name="runner">The device's step runner (SQLite in the node).</param>
    /// <param name="links">Authenticated links to other devices.</param>
    /// <param name="time">The clock (virtual in tests).</param>
    /// <param name="random">Randomness for chains, sessions and resend jitter.</param>
    /// <param name="rotation">When this device's chains rotate; the default policy when omitted.</param>
    public Messenger(DeviceKeys keys, IMessengerDirectory directory, IStepRunner runner, IDeviceLinks links,
        TimeProvider time, IRandomSource random, SenderChainRotationPolicy? rotation = null)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _rotation = rotation;
        Engine = new DeliveryEngine(runner, new NotifyingLinks(links, this), this, this, time, random);
        Engine.Faulted += (_, _) => DropTouched();
    }

    /// <summary>A message became visible on this device (received, synced or sent); raised after its step committed.</summary>
    public event EventHandler<MessageShownEventArgs>? MessageShown;

    /// <summary>The engine: delivery state (<see cref="DeliveryEngine.StateOf"/>), its changes and faults.</summary>
    public DeliveryEngine Engine { get; }

    /// <summary>This device.</summary>
    public DeviceId Local => _keys.Device;

    /// <summary>
    /// Opens every conversation's replica from the stores (retrying what was unreadable) and offers the own account's
    /// state to devices that lack it, then starts the engine.
    /// </summary>
    public void Start()
    {
        Run(step =>
        {
            foreach (ConversationId conversation in Conversations())
            {
                _ = Replica(conversation);
            }

            OfferAccount(step);

            return Result.Ok();
        });
        Engine.Start();
    }

    /// <summary>Stops the engine's timer; the stores stay with their owner.</summary>
    public void Dispose()
    {
        Engine.Dispose();
        _scratch.Dispose();
    }

    /// <summary>Names the device only.</summary>
    public override string ToString() => $"Messenger({Local})";

    /// <summary>
    /// Runs <paramref name="work"/> as one engine step. An error result rolls the step back (by throwing inside it)
    /// and is returned; a failure of the store or the commit is rethrown. Either way the replicas the step touched are
    /// dropped. Announcements are raised after the commit.
    /// </summary>
    private Result<T> Run<T>(Func<StepContext, Result<T>> work)
    {
        try
        {
            T value = Engine.Step(context => Unwrap(InStep(context, () => work(context))));
            Announce();
            return value;
        }
        catch (StepAbortedException aborted)
        {
            return aborted.Error;
        }
        catch
        {
            // The work may have finished and the commit failed: what the step touched is not in the database.
            DropTouched();
            throw;
        }
    }

    /// <summary>
    /// Binds the replicas' stores to the step; on an exception forgets what the step touched. The engine already
    /// serialises steps; the messenger's own lock also covers dropping replicas after a failed commit, which happens
    /// outside the engine's lock.
    /// </summary>
    private T InStep<T>(StepContext context, Func<T> work)
    {
        lock (_gate)
        {
            Scratch.Touched.Clear();
            using StepBoundStores.Binding binding = _bound.Bind(context.Stores);
            try
            {
                return work();
            }
            catch
            {
                DropTouched();
                throw;
            }
        }
    }

    private T Unwrap<T>(Result<T> result)
    {
        if (result.TryGet(out T? value, out KithError? error))
        {
            return value;
        }

        DropTouched();
        throw new StepAbortedException(error);
    }

    /// <summary>The step that touched these replicas was rolled back: reopen them from the stores on next use.</summary>
    private void DropTouched()
    {
        lock (_gate)
        {
            foreach (ConversationId conversation in Scratch.Touched)
            {
                _ = _replicas.Remove(conversation);
                DropSessions(conversation);
            }

            Scratch.Touched.Clear();
            Scratch.ToAnnounce.Clear();
            Scratch.ChangedAccounts.Clear();
        }
    }

    /// <summary>Raises what the last committed step on this thread showed.</summary>
    private void Announce()
    {
        MessageShownEventArgs[] shown = [.. Scratch.ToAnnounce];
        Scratch.ToAnnounce.Clear();
        foreach (MessageShownEventArgs e in shown)
        {
            MessageShown?.Invoke(this, e);
        }

        AnnounceAccounts();
    }

    /// <summary>
    /// What the step running on this thread touched and showed: the engine runs a frame's step and its commit on the
    /// thread that delivered the frame, so the announcement after it (or the drop after a fault) is that thread's.
    /// </summary>
    private StepScratch Scratch => _scratch.Value!;

    /// <summary>Per-thread step bookkeeping.</summary>
    private sealed class StepScratch
    {
        public HashSet<ConversationId> Touched { get; } = [];

        public List<MessageShownEventArgs> ToAnnounce { get; } = [];

        public List<AccountId> ChangedAccounts { get; } = [];
    }

    /// <summary>Carries an error out of an engine step so the step rolls back.</summary>
    private sealed class StepAbortedException(KithError error) : Exception(error.Detail)
    {
        public KithError Error { get; } = error;
    }
}
