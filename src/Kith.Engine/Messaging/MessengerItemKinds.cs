namespace Kith.Engine.Messaging;

/// <summary>The outbox item kinds the messenger sends (the engine carries the byte; the application numbers it).</summary>
public static class MessengerItemKinds
{
    /// <summary>A signed <c>ConversationEvent</c>, encoded, relayed unchanged; the item id is the event id.</summary>
    public const byte ConversationEvent = 1;
}
