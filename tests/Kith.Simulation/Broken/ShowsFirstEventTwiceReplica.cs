using Kith.Primitives.Ids;
using Kith.Simulation.Replicas;

namespace Kith.Simulation.Broken;

/// <summary>Broken on purpose: its display order shows the first event again at the end.</summary>
internal sealed class ShowsFirstEventTwiceReplica(ISimReplica inner) : ReplicaDecorator(inner)
{
    public override IReadOnlyList<EventId> Order()
    {
        IReadOnlyList<EventId> order = Inner.Order();
        return order.Count == 0 ? order : [.. order, order[0]];
    }
}
