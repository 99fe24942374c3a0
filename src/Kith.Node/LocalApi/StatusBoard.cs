using Kith.Api.Events;
using Kith.Api.Status;

namespace Kith.Node.LocalApi;

/// <summary>The node's status as <c>GET /v1/status</c> shows it; every change is also a <see cref="StatusChanged"/> event.</summary>
internal sealed class StatusBoard(NodeStatus initial, EventHub events)
{
    private readonly Lock _gate = new();
    private NodeStatus _current = initial;

    /// <summary>The status now.</summary>
    public NodeStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> and tells the live stream when something changed.</summary>
    public void Update(Func<NodeStatus, NodeStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        NodeStatus next;
        lock (_gate)
        {
            next = change(_current);
            if (next == _current)
            {
                return;
            }

            _current = next;
        }

        events.Publish(sequence => new StatusChanged(sequence, next));
    }
}
