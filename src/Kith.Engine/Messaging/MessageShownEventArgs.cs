using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;

namespace Kith.Engine.Messaging;

/// <summary>A message became visible on this device, after the step that stored it committed.</summary>
/// <param name="conversation">Its conversation.</param>
/// <param name="message">The stored message and its decoded content.</param>
public sealed class MessageShownEventArgs(ConversationId conversation, ReceivedMessage message) : EventArgs
{
    /// <summary>Its conversation.</summary>
    public ConversationId Conversation { get; } = conversation;

    /// <summary>The stored message (id, author, timestamp, position) and its decoded content.</summary>
    public ReceivedMessage Message { get; } = message;
}
