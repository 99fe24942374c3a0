using Kith.Primitives.Ids;

namespace Kith.Wire.Messaging;

/// <summary>
/// The plaintext of a content event, before padding and sealing: what a person wrote, or an instruction the
/// account's own devices follow. Encoded by <see cref="MessageContentCodec"/>.
/// </summary>
public abstract record MessageContent
{
    /// <summary>What the content is.</summary>
    public abstract MessageContentKind Kind { get; }
}

/// <summary>A text message.</summary>
/// <param name="Text">The text, UTF-8 on the wire.</param>
public sealed record TextContent(string Text) : MessageContent
{
    /// <inheritdoc/>
    public override MessageContentKind Kind => MessageContentKind.Text;

    /// <summary>Never prints the text.</summary>
    public override string ToString() => $"TextContent({Text.Length} chars)";
}

/// <summary>Delete messages of a conversation on every own device; sent in the account's own log.</summary>
/// <param name="Conversation">The conversation the messages belong to.</param>
/// <param name="Ids">The events to delete, at most <see cref="Kith.Primitives.Limits.MaxDeletedIdsPerMessage"/>.</param>
public sealed record DeleteMessagesContent(ConversationId Conversation, IReadOnlyList<EventId> Ids) : MessageContent
{
    /// <inheritdoc/>
    public override MessageContentKind Kind => MessageContentKind.DeleteMessages;

    /// <summary>Prints the conversation and the count.</summary>
    public override string ToString() => $"DeleteMessagesContent({Conversation}, {Ids.Count} ids)";
}

/// <summary>
/// Delete every message of a conversation up to a time, on every own device; sent in the account's own log. The cut
/// is a timestamp (Kith.Protocol Messaging README, decision 8) so that events arriving late, from a partitioned
/// device, fall on the same side of it on every own device.
/// </summary>
/// <param name="Conversation">The conversation to clear.</param>
/// <param name="ClearedUpToUnixMs">Every content event stamped at or before this is deleted, now or when it arrives;
/// the writer takes the later of its clock and the latest timestamp it holds in the conversation.</param>
public sealed record DeleteConversationContent(ConversationId Conversation, long ClearedUpToUnixMs) : MessageContent
{
    /// <inheritdoc/>
    public override MessageContentKind Kind => MessageContentKind.DeleteConversation;
}

/// <summary>A conversation was read up to an event; sent in the account's own log so every own device agrees.</summary>
/// <param name="Conversation">The conversation read.</param>
/// <param name="UpTo">The last event read.</param>
public sealed record ReadUpToContent(ConversationId Conversation, EventId UpTo) : MessageContent
{
    /// <inheritdoc/>
    public override MessageContentKind Kind => MessageContentKind.ReadUpTo;
}
