namespace Kith.Api.Messages;

/// <summary>One shown message of a chat (Kith.Protocol.Conversations.ShownMessage, decrypted).</summary>
/// <param name="ConversationId">The conversation (hex).</param>
/// <param name="EventId">The message's event id (hex); names it for deletion.</param>
/// <param name="AuthorAccountId">The author's account (hex).</param>
/// <param name="AuthorDeviceId">The author's device (hex).</param>
/// <param name="FromMe">Whether this account wrote it.</param>
/// <param name="SentAtUnixMs">The author's timestamp (shown, never used for order: the log's order is).</param>
/// <param name="Text">The text.</param>
/// <param name="Delivery">How far delivery got; for received messages, null.</param>
public sealed record MessageView(string ConversationId, string EventId, string AuthorAccountId, string AuthorDeviceId, bool FromMe,
    long SentAtUnixMs, string Text, DeliveryState? Delivery);
