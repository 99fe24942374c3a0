namespace Kith.Api.Messages;

/// <summary>Deletes a message on all of this account's devices (engine wiring, not served yet).</summary>
/// <param name="ConversationId">The conversation (hex).</param>
/// <param name="EventId">The message's event id (hex).</param>
public sealed record DeleteRequest(string ConversationId, string EventId);
