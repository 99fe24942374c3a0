namespace Kith.Api.Messages;

/// <summary>The stages of a sent message.</summary>
public enum DeliveryStage
{
    /// <summary>No device acknowledged yet; the engine keeps resending.</summary>
    Queued = 1,

    /// <summary>At least one device committed it (see <see cref="DeliveryState.DeliveredTo"/>).</summary>
    Delivered = 2,

    /// <summary>A recipient device showed it to the person.</summary>
    Seen = 3,
}
