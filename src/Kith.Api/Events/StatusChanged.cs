using System.Text.Json.Serialization;
using Kith.Api.Status;

namespace Kith.Api.Events;

/// <summary>Tor progressed, the onion service was published, or peers came and went.</summary>
/// <param name="Sequence">See <see cref="NodeEvent.Sequence"/>.</param>
/// <param name="Status">The status now.</param>
public sealed record StatusChanged(long Sequence, NodeStatus Status) : NodeEvent(Sequence)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string Type => NodeEventTypes.Status;
}
