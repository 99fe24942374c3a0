using Kith.Engine.Delivery;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Protocol.Messaging;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="contact"/> in ONE step: the replica writes the events (an
    /// announcement first when a chain starts) and each is enqueued for every other member device of both accounts;
    /// the engine delivers and resends until each acknowledges. Its delivery state is <c>Engine.StateOf(id)</c>.
    /// </summary>
    /// <returns>The message's event id.</returns>
    public Result<EventId> SendText(AccountId contact, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Send(ConversationWith(contact), new TextContent(text));
    }

    /// <summary>
    /// Deletes <paramref name="message"/> on all of this account's devices (README of Messaging, decision 8): a
    /// <see cref="DeleteMessagesContent"/> in the own-account log, applied here in the same step.
    /// </summary>
    public Result<Unit> DeleteMessage(ConversationId conversation, EventId message) =>
        Delete(conversation, (_, _) => new DeleteMessagesContent(conversation, [message]));

    /// <summary>
    /// Deletes every message of <paramref name="conversation"/> on all of this account's devices (decision 8): a
    /// <see cref="DeleteConversationContent"/> in the own-account log, applied here in the same step. It is a cut at
    /// what this device holds now (<see cref="ConversationReplica.ClearInstruction"/>): older messages arriving later
    /// are refused too. The contact keeps their copy, and later messages still arrive.
    /// </summary>
    public Result<Unit> DeleteConversation(ConversationId conversation) =>
        Delete(conversation, (replica, nowUnixMs) => replica.ClearInstruction(nowUnixMs));

    private Result<Unit> Delete(ConversationId conversation, Func<ConversationReplica, long, MessageContent> instructionFor) =>
        Run(context =>
        {
            if (Replica(conversation) is not { } target)
            {
                return Result<Unit>.Fail(MessengerErrors.UnknownConversation);
            }

            MessageContent instruction = instructionFor(target, context.NowUnixMs);
            Result<EventId> sent = SendIn(context, ConversationIds.OwnAccount(_directory.OwnAccount), instruction);
            if (!sent.IsOk)
            {
                return sent.Error;
            }

            return target.ApplyDeletion(instruction).Map(_ => Unit.Value);
        });

    private Result<EventId> Send(ConversationId conversation, MessageContent content) =>
        Run(context => SendIn(context, conversation, content));

    private Result<EventId> SendIn(StepContext context, ConversationId conversation, MessageContent content)
    {
        if (Replica(conversation) is not { } replica || Membership(conversation) is not { } membership)
        {
            return MessengerErrors.UnknownContact;
        }

        if (HandOver(context, replica, membership) is { } failed)
        {
            return failed;
        }

        if (!replica.Send(content, context.NowUnixMs, _random).TryGet(out SendResult? sent, out KithError? error))
        {
            return error;
        }

        foreach (ConversationEvent e in sent.Events)
        {
            Enqueue(context, membership, e);
        }

        Scratch.ToAnnounce.Add(new MessageShownEventArgs(conversation, sent.Shown));
        return sent.Shown.Message.Id;
    }

    /// <summary>
    /// Enqueues the late announcements of the replica's own chains for devices that have become reachable since (their
    /// prekeys arrived in an account update: a contact added from a QR card); null, or the store's error.
    /// </summary>
    private KithError? HandOver(StepContext context, ConversationReplica replica, AccountMembership membership)
    {
        if (!replica.HandOverPendingChains(context.NowUnixMs, _random).TryGet(out IReadOnlyList<ConversationEvent>? late, out KithError? error))
        {
            return error;
        }

        foreach (ConversationEvent e in late)
        {
            Enqueue(context, membership, e);
        }

        return null;
    }

    /// <summary>Issue 5: each event goes to every member device of both accounts except this one.</summary>
    private void Enqueue(StepContext context, AccountMembership membership, ConversationEvent e)
    {
        byte[] payload = e.ToBytes();
        OutboundCopy[] copies = [.. membership.Devices.Where(d => d != Local).Select(d => new OutboundCopy(d, payload))];
        if (copies.Length > 0)
        {
            _ = context.Enqueue(e.Id, MessengerItemKinds.ConversationEvent, copies);
        }
    }
}
