namespace Kith.Wire.Messaging;

/// <summary>What a message's content is. Persisted and on the wire: values never change.</summary>
public enum MessageContentKind : byte
{
    /// <summary>A text message (<see cref="TextContent"/>).</summary>
    Text = 1,

    /// <summary>Own-account log: delete these messages on every own device (<see cref="DeleteMessagesContent"/>).</summary>
    DeleteMessages = 2,

    /// <summary>Own-account log: delete a whole conversation on every own device (<see cref="DeleteConversationContent"/>).</summary>
    DeleteConversation = 3,

    /// <summary>Own-account log: a conversation is read up to an event (<see cref="ReadUpToContent"/>).</summary>
    ReadUpTo = 4,
}
