namespace Kith.Api.Events;

/// <summary>The type names of <see cref="NodeEvent"/>s, stable for clients that switch on them.</summary>
public static class NodeEventTypes
{
    /// <summary><see cref="StatusChanged"/>.</summary>
    public const string Status = "status";

    /// <summary><see cref="ContactChanged"/>.</summary>
    public const string Contact = "contact";

    /// <summary><see cref="MessageShown"/>.</summary>
    public const string Message = "message";

    /// <summary><see cref="DeliveryChanged"/>.</summary>
    public const string Delivery = "delivery";
}
