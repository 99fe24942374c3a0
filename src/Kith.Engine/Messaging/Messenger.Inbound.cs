using Kith.Engine.Delivery;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>
    /// A delivered event (untrusted): it must decode, belong to a conversation this device is a member of, and come
    /// from a member device (any member relays); then the replica receives it in this step and the engine acknowledges
    /// after the commit. A rejection is final and changes nothing; a store failure throws, so nothing is kept and the
    /// item is resent.
    /// </summary>
    Result<Unit> IInboundHandler.Apply(InboundItem item, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind == MessengerItemKinds.AccountUpdate)
        {
            return ApplyAccountUpdate(item, context);
        }

        if (item.Kind != MessengerItemKinds.ConversationEvent)
        {
            return MessengerErrors.UnknownItemKind;
        }

        if (!ConversationEvent.Decode(item.Payload.Span).TryGet(out ConversationEvent? e, out KithError? error))
        {
            return error;
        }

        if (e.Id != item.Id)
        {
            // The item id names the event: a mismatch is a malformed delivery, not an event to take.
            return Wire.WireErrors.Malformed;
        }

        return InStep(context, () =>
        {
            if (Membership(e.Conversation) is not { } membership)
            {
                return MessengerErrors.UnknownConversation;
            }

            if (!membership.Devices.Contains(item.From))
            {
                return MessengerErrors.NotAMemberRelay;
            }

            ConversationReplica replica = Replica(e.Conversation)!;
            ReceiveResult received = Abort(replica.Receive(e, context.NowUnixMs));
            Took(e.Conversation, received);
            return Result.Ok();
        });
    }

    /// <summary>
    /// Queues the newly shown messages for <see cref="MessageShown"/> and applies own-log deletions to their target
    /// conversation in the same step (README of Messaging, decision 8: only the own log may delete).
    /// </summary>
    private void Took(ConversationId conversation, ReceiveResult received)
    {
        bool ownLog = conversation == ConversationIds.OwnAccount(_directory.OwnAccount);
        foreach (ReceivedMessage message in received.Shown)
        {
            Scratch.ToAnnounce.Add(new MessageShownEventArgs(conversation, message));
            if (ownLog && message.Content is DeleteMessagesContent or DeleteConversationContent
                && Target(message.Content) is { } target && target != conversation && Replica(target) is { } replica)
            {
                _ = Abort(replica.ApplyDeletion(message.Content));
            }
        }
    }

    private static ConversationId? Target(MessageContent content) => content switch
    {
        DeleteMessagesContent delete => delete.Conversation,
        DeleteConversationContent clear => clear.Conversation,
        _ => null,
    };

    /// <summary>A store error inside a step: throw so the step keeps nothing (and the touched replicas are dropped).</summary>
    private static T Abort<T>(Result<T> result) =>
        result.TryGet(out T? value, out KithError? error) ? value : throw new StepAbortedException(error);
}
