using Kith.Api.Contacts;

namespace Kith.Api.Messages;

/// <summary>A chat with one contact: its latest messages in the conversation log's display order.</summary>
/// <param name="Contact">The contact.</param>
/// <param name="ConversationId">The 1:1 conversation (hex), so a client can pick its events from the live stream.</param>
/// <param name="Messages">Oldest first.</param>
public sealed record ChatView(ContactView Contact, string ConversationId, IReadOnlyList<MessageView> Messages);
