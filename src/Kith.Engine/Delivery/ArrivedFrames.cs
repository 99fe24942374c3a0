using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Engine.Delivery;

/// <summary>A link frame waiting for the engine.</summary>
/// <param name="From">The authenticated sending device.</param>
/// <param name="Frame">The untrusted frame bytes.</param>
internal readonly record struct ArrivedFrame(DeviceId From, ReadOnlyMemory<byte> Frame);

/// <summary>
/// Frames that arrive while the engine handles earlier ones, taken in runs: the inbound side of
/// <c>GroupCommitter</c>'s idea (issue 4: one commit for what arrived together, not one per frame). The thread that
/// finds no drain running becomes the drainer and takes runs until none is left; a frame arriving meanwhile is left
/// for it, and its thread returns at once. Frames are taken in arrival order, so one link's frames stay in order.
/// </summary>
/// <remarks>
/// Bounded by <see cref="Limits.MaxInboundQueuedFrames"/> and <see cref="Limits.MaxInboundQueuedBytes"/>: a thread
/// whose frame does not fit waits for the drainer to take the run (so a fast peer is slowed down, its link's reads
/// pausing), or takes the drain over (see <see cref="Take"/>). The drainer itself never waits: a frame handed back to it re-entrantly (a link that delivers
/// synchronously) is always queued, or it would wait for itself.
/// </remarks>
internal sealed class ArrivedFrames
{
    // An object, not a Lock: producers wait on it for room (Monitor.Wait).
    private readonly object _lock = new();
    private readonly Queue<ArrivedFrame> _queue = new();
    private long _bytes;
    private Thread? _drainer;
    private bool _drainerTookARun;
    private int _waitingForRoom;

    /// <summary>Queues a frame; <c>true</c> when no drain is running and the caller must drain.</summary>
    public bool Add(DeviceId from, ReadOnlyMemory<byte> frame)
    {
        lock (_lock)
        {
            _waitingForRoom++;
            while (_drainer is not null && _drainer != Thread.CurrentThread && !Fits(frame.Length))
            {
                _ = Monitor.Wait(_lock);
            }

            _waitingForRoom--;

            _queue.Enqueue(new ArrivedFrame(from, frame));
            _bytes += frame.Length;
            if (_drainer is not null)
            {
                return false;
            }

            _drainer = Thread.CurrentThread;
            _drainerTookARun = false;
            return true;
        }
    }

    /// <summary>
    /// The drainer takes every waiting frame. The drain ends (an empty run) when there is none, or, once the
    /// drainer has handled the run with its own frame, when a thread waits for room: that thread takes over, so a
    /// busy link cannot keep the drainer (and the drainer's own link, whose reads wait for it) forever.
    /// </summary>
    public List<ArrivedFrame> Take()
    {
        lock (_lock)
        {
            if (_drainerTookARun && _waitingForRoom > 0)
            {
                _drainer = null;
                Monitor.PulseAll(_lock);
                return [];
            }

            _drainerTookARun = true;
            var run = new List<ArrivedFrame>(_queue.Count);
            while (_queue.TryDequeue(out ArrivedFrame frame))
            {
                run.Add(frame);
            }

            _bytes = 0;
            if (run.Count == 0)
            {
                _drainer = null;
            }

            Monitor.PulseAll(_lock);
            return run;
        }
    }

    /// <summary>
    /// The drainer failed (a handler threw): the drain ends, and frames still queued wait for the next frame's
    /// thread, which drains them first.
    /// </summary>
    public void Abandon()
    {
        lock (_lock)
        {
            _drainer = null;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Frame counts only.</summary>
    public override string ToString() => $"ArrivedFrames({_queue.Count} waiting)";

    private bool Fits(int length) =>
        _queue.Count == 0 || (_queue.Count < Limits.MaxInboundQueuedFrames && _bytes + length <= Limits.MaxInboundQueuedBytes);
}
