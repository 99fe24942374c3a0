using Kith.Api.Events;
using Kith.Engine.Delivery;
using Kith.Engine.Messaging;
using Kith.Node.Services;
using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Node.LocalApi;

/// <summary>
/// Puts the messenger's after-commit events on the live stream (Messaging README, "Effects after commit"):
/// <c>message</c> for each message shown, <c>delivery</c> when a sent message reached more devices. The engine
/// names only the item, so the conversation of each message this device sent is remembered, at most
/// <see cref="Limits.ApiDeliveryLabelsKept"/>; other items (own-log deletions) are not chat messages and are not announced.
/// </summary>
internal sealed class MessengerEvents : IDisposable
{
    private readonly Messenger _messenger;
    private readonly MessageService _messages;
    private readonly EventHub _events;
    private readonly Lock _gate = new();
    private readonly Dictionary<EventId, ConversationId> _sent = [];
    private readonly Queue<EventId> _order = new();

    private MessengerEvents(Messenger messenger, MessageService messages, EventHub events)
    {
        _messenger = messenger;
        _messages = messages;
        _events = events;
        messenger.MessageShown += OnShown;
        messenger.Engine.DeliveryChanged += OnDelivery;
    }

    /// <summary>Subscribes the stream of <paramref name="services"/> to its messenger; null when it has none.</summary>
    public static MessengerEvents? Attach(NodeServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Messenger is { } messenger
            ? new MessengerEvents(messenger, new MessageService(services.Contacts, messenger), services.Events)
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _messenger.MessageShown -= OnShown;
        _messenger.Engine.DeliveryChanged -= OnDelivery;
    }

    private void OnShown(object? sender, MessageShownEventArgs e)
    {
        if (e.Message.Content is not Wire.Messaging.TextContent)
        {
            return;
        }

        if (e.Message.Message.Author == _messenger.Local)
        {
            Remember(e.Message.Message.Id, e.Conversation);
        }

        Api.Messages.MessageView view = _messages.View(e.Conversation, e.Message);
        _events.Publish(sequence => new MessageShown(sequence, view));
    }

    private void OnDelivery(object? sender, DeliveryChangedEventArgs e)
    {
        ConversationId c;
        bool known;
        lock (_gate)
        {
            known = _sent.TryGetValue(e.Item, out c);
        }

        if (known)
        {
            _events.Publish(sequence => new DeliveryChanged(sequence, c.ToString(), e.Item.ToString(), MessageService.Delivery(e.State)));
        }
    }

    private void Remember(EventId id, ConversationId conversation)
    {
        lock (_gate)
        {
            if (_sent.TryAdd(id, conversation))
            {
                _order.Enqueue(id);
                if (_order.Count > Limits.ApiDeliveryLabelsKept)
                {
                    _sent.Remove(_order.Dequeue());
                }
            }
        }
    }
}
