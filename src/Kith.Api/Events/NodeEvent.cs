using System.Text.Json.Serialization;

namespace Kith.Api.Events;

/// <summary>
/// One event of the live stream (<see cref="ApiRoutes.Events"/>), sent as a server-sent event (WHATWG HTML
/// §9.2): <c>id</c> is <see cref="Sequence"/>, <c>event</c> the type name, <c>data</c> this record as JSON.
/// </summary>
/// <param name="Sequence">Increases by one per event since the node started; a gap means events were dropped for a slow reader.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StatusChanged), NodeEventTypes.Status)]
[JsonDerivedType(typeof(ContactChanged), NodeEventTypes.Contact)]
[JsonDerivedType(typeof(MessageShown), NodeEventTypes.Message)]
[JsonDerivedType(typeof(DeliveryChanged), NodeEventTypes.Delivery)]
public abstract record NodeEvent(long Sequence)
{
    /// <summary>The type name (the SSE <c>event</c> field).</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
