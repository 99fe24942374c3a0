namespace Kith.Api.Messages;

/// <summary>Deletes a message on all of this account's devices (<see cref="ApiRoutes.Delete"/>).</summary>
/// <param name="ConversationId">The conversation (hex).</param>
/// <param name="EventId">The message's event id (hex).</param>
public sealed record DeleteRequest(string ConversationId, string EventId);
