namespace Kith.Engine.Messaging;

/// <summary>The outbox item kinds the messenger sends (the engine carries the byte; the application numbers it).</summary>
public static class MessengerItemKinds
{
    /// <summary>A signed <c>ConversationEvent</c>, encoded, relayed unchanged; the item id is the event id.</summary>
    public const byte ConversationEvent = 1;

    /// <summary>
    /// An encoded <c>AccountUpdate</c> (account-log entries and member device records); the item id is
    /// <c>AccountUpdate.ItemIdOf</c> its bytes, so the same state is queued once per device.
    /// </summary>
    public const byte AccountUpdate = 2;
}
