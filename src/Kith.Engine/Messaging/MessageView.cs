using Kith.Protocol.Conversations;
using Kith.Protocol.Delivery;
using Kith.Wire.Messaging;

namespace Kith.Engine.Messaging;

/// <summary>A message as the node shows it.</summary>
/// <param name="Message">Id, author, timestamp and display position.</param>
/// <param name="Content">The decoded content.</param>
/// <param name="Delivery">For this device's own messages: queued, delivered to n of m devices, or seen; else null.</param>
public sealed record MessageView(ShownMessage Message, MessageContent Content, DeliveryState? Delivery)
{
    /// <summary>Names the message only, never its content.</summary>
    public override string ToString() => $"MessageView({Message.Id})";
}
