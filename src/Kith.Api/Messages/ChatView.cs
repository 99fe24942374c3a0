using Kith.Api.Contacts;

namespace Kith.Api.Messages;

/// <summary>A chat with one contact: its latest messages in the conversation log's display order.</summary>
/// <param name="Contact">The contact.</param>
/// <param name="Messages">Oldest first.</param>
public sealed record ChatView(ContactView Contact, IReadOnlyList<MessageView> Messages);
