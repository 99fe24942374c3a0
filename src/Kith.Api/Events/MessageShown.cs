using System.Text.Json.Serialization;
using Kith.Api.Messages;

namespace Kith.Api.Events;

/// <summary>A message entered a chat (sent here, or received and committed).</summary>
/// <param name="Sequence">See <see cref="NodeEvent.Sequence"/>.</param>
/// <param name="Message">The message.</param>
public sealed record MessageShown(long Sequence, MessageView Message) : NodeEvent(Sequence)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string Type => NodeEventTypes.Message;
}
