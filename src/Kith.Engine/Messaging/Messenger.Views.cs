using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Delivery;
using Kith.Wire.Messaging;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>
    /// The latest <paramref name="count"/> messages of <paramref name="conversation"/> in display order, each with
    /// its decoded content and, for this device's own messages, its delivery state (queued, delivered n of m, seen).
    /// </summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="count">0 to <see cref="Limits.MaxMessagesPerPage"/>.</param>
    public Result<IReadOnlyList<MessageView>> Latest(ConversationId conversation, int count)
    {
        InMemoryMessageStore.ThrowIfInvalidPage(count);
        return Run(context =>
        {
            if (!context.Stores.Messages.Latest(conversation, count).TryGet(out IReadOnlyList<ShownMessage>? messages, out KithError? error))
            {
                return error;
            }

            var views = new List<MessageView>(messages.Count);
            foreach (ShownMessage message in messages.OrderBy(m => m.Position))
            {
                if (!MessageContentCodec.DecodePadded(message.Content.Span).TryGet(out MessageContent? content, out error))
                {
                    return error;
                }

                DeliveryState? delivery = null;
                if (message.Author == Local && context.StateOf(message.Id).TryGet(out DeliveryState state, out _))
                {
                    delivery = state;
                }

                views.Add(new MessageView(message, content, delivery));
            }

            return Result<IReadOnlyList<MessageView>>.Ok(views);
        });
    }
}
