using System.Text.Json.Serialization;
using Kith.Api.Contacts;

namespace Kith.Api.Events;

/// <summary>A contact was added, or its trust or devices changed.</summary>
/// <param name="Sequence">See <see cref="NodeEvent.Sequence"/>.</param>
/// <param name="Contact">The contact now.</param>
public sealed record ContactChanged(long Sequence, ContactView Contact) : NodeEvent(Sequence)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string Type => NodeEventTypes.Contact;
}
