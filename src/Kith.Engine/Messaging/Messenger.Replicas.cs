using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>The conversations this device is a member of: the own-account log, then the 1:1 with each contact.</summary>
    public IReadOnlyList<ConversationId> Conversations()
    {
        var conversations = new List<ConversationId> { ConversationIds.OwnAccount(_directory.OwnAccount) };
        conversations.AddRange(_directory.Contacts.Where(c => _directory.LogOf(c) is not null).Select(ConversationWith));
        return conversations;
    }

    /// <summary>The 1:1 conversation with <paramref name="contact"/> (README of Messaging, decision 1).</summary>
    public ConversationId ConversationWith(AccountId contact) => ConversationIds.OneToOne(_directory.OwnAccount, contact);

    /// <summary>
    /// Re-reads every cached conversation's membership from the directory after an account log changed (a device
    /// added or revoked) or a contact was added: the next send rotates the chain, so a revoked device gets no part of
    /// it; offers the own account's state to devices that have not had it yet; and hands own chains over late to
    /// devices that have become reachable (their prekeys came: a contact added from a QR card).
    /// </summary>
    public void RefreshMembership()
    {
        _ = Run(step =>
        {
            OfferAccount(step);

            foreach ((ConversationId conversation, ConversationReplica replica) in _replicas)
            {
                if (Membership(conversation) is { } membership)
                {
                    replica.UpdateMembership(membership);
                    if (HandOver(step, replica, membership) is { } failed)
                    {
                        return failed;
                    }
                }
            }

            // Sync sessions towards devices no longer members end; the others keep going.
            foreach ((DeviceId device, ConversationId conversation) in _sessions.Keys.ToList())
            {
                if (Membership(conversation)?.Devices.Contains(device) != true)
                {
                    _ = _sessions.Remove((device, conversation));
                }
            }

            return Result.Ok();
        });
    }

    /// <summary>The member accounts' logs of <paramref name="conversation"/>, or null when it is not one of this device's.</summary>
    private AccountMembership? Membership(ConversationId conversation)
    {
        if (_directory.LogOf(_directory.OwnAccount) is not { } own)
        {
            return null;
        }

        if (conversation == ConversationIds.OwnAccount(_directory.OwnAccount))
        {
            return AccountMembership.FromLogs(conversation, own);
        }

        foreach (AccountId contact in _directory.Contacts)
        {
            if (ConversationWith(contact) == conversation && _directory.LogOf(contact) is { } theirs)
            {
                return AccountMembership.FromLogs(conversation, own, theirs);
            }
        }

        return null;
    }

    /// <summary>The cached replica, opened from the step's stores on first use; null when not a member.</summary>
    private ConversationReplica? Replica(ConversationId conversation)
    {
        _ = Scratch.Touched.Add(conversation);
        if (_replicas.TryGetValue(conversation, out ConversationReplica? replica))
        {
            return replica;
        }

        if (Membership(conversation) is not { } membership)
        {
            return null;
        }

        Result<ConversationReplica> opened = ConversationReplica.Open(_keys.Prekeys, membership, _bound.Replica, _directory.PrekeysOf, _rotation);
        if (!opened.TryGet(out replica, out KithError? error))
        {
            throw new StepAbortedException(error);
        }

        _replicas.Add(conversation, replica);
        return replica;
    }
}
