using System.Text.Json.Serialization;
using Kith.Api.Messages;

namespace Kith.Api.Events;

/// <summary>A sent message reached more devices, or was seen.</summary>
/// <param name="Sequence">See <see cref="NodeEvent.Sequence"/>.</param>
/// <param name="ConversationId">The conversation (hex).</param>
/// <param name="EventId">The message (hex).</param>
/// <param name="Delivery">Its delivery now.</param>
public sealed record DeliveryChanged(long Sequence, string ConversationId, string EventId, DeliveryState Delivery) : NodeEvent(Sequence)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string Type => NodeEventTypes.Delivery;
}
