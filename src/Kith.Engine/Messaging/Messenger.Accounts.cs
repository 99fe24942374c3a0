using Kith.Engine.Delivery;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Delivery;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>An account's log or device records changed (raised after the step committed and membership was refreshed).</summary>
    public event EventHandler<AccountChangedEventArgs>? AccountChanged;

    /// <summary>
    /// THE hook for a change of the own account (a device linked, a profile): in ONE step, adds
    /// <paramref name="entries"/> (signed, parents first) and <paramref name="records"/> to the own account's log and
    /// records, all or nothing (a fork or a bad signature changes nothing), and enqueues the whole log with the member
    /// devices' records for every other member device and every device of every contact (issue 5: account logs
    /// travel over links). After the commit, membership is refreshed (chains rotate) and <see cref="AccountChanged"/>
    /// is raised.
    /// </summary>
    /// <param name="entries">New entries of the own account (at most <see cref="Limits.MaxAccountUpdateEntries"/>).</param>
    /// <param name="records">Records of member devices, e.g. a newly linked device's (at most <see cref="Limits.MaxAccountUpdateRecords"/>).</param>
    public Result<Unit> PublishAccountChange(IReadOnlyList<AccountEntry> entries, IReadOnlyList<DeviceRecord> records)
    {
        var update = new AccountUpdate(_directory.OwnAccount, entries, records);
        return Run(context => Publish(context, update));
    }

    /// <summary>
    /// Revokes <paramref name="device"/>: a revoke-device entry signed by this device at the log's heads, published
    /// like <see cref="PublishAccountChange"/>. The revoked device is no member afterwards, so it is sent neither the
    /// entry nor anything later, and the next message in every conversation starts a chain it has no part in. A
    /// device cannot revoke itself (<see cref="AccountErrors.SelfRevocation"/>): the entry must come from a device
    /// that stays trusted, or a thief could pre-empt a revocation with a fork.
    /// </summary>
    /// <returns>The revocation entry's id.</returns>
    public Result<EventId> RevokeDevice(DeviceId device) => Run(context =>
    {
        if (_directory.LogOf(_directory.OwnAccount) is not { } log)
        {
            return Result<EventId>.Fail(MessengerErrors.UnknownContact);
        }

        // An entry may not be dated before its parents (AccountLog): a clock behind another device's waits for it.
        long createdAt = log.Heads.Select(head => log.Find(head)!.CreatedAtUnixMs).Append(context.NowUnixMs).Max();
        AccountEntry revocation = AccountEntries.Revoke(_keys.Identity, _directory.OwnAccount, log.Heads, createdAt, device);
        return Publish(context, new AccountUpdate(_directory.OwnAccount, [revocation], [])).Map(_ => revocation.Id);
    });

    /// <summary>
    /// A delivered account update (untrusted): it must decode, its item id must be its content's, it must come from
    /// a member device of the own account or of the contact account it updates, and it must extend the known log
    /// validly; a refusal changes nothing. Entries whose parents are missing leave it unacknowledged (retryable), so
    /// the sender resends it after the update carrying the parents.
    /// </summary>
    private Result<Unit> ApplyAccountUpdate(InboundItem item, StepContext context)
    {
        if (!AccountUpdate.Decode(item.Payload.Span).TryGet(out AccountUpdate? update, out KithError? error))
        {
            return error;
        }

        if (AccountUpdate.ItemIdOf(item.Payload.Span) != item.Id)
        {
            return Wire.WireErrors.Malformed;
        }

        return InStep(context, () =>
        {
            if (!MayUpdate(item.From, update.Account))
            {
                return MessengerErrors.NotAMemberRelay;
            }

            if (!ApplyWithdrawing(context, update).TryGet(out bool changed, out KithError? refused))
            {
                return refused;
            }

            if (changed)
            {
                Scratch.ChangedAccounts.Add(update.Account);
            }

            return Result.Ok();
        });
    }

    /// <summary>
    /// Offers the own account's current log and records to every recipient, inside the running step: at start and
    /// whenever membership is refreshed (a contact added, an account changed). Only a state a device was never sent is
    /// queued (the item id is the content's hash), and the outbox resends until each device acknowledges, hastened
    /// when it connects: so a device that was offline, or became a recipient later (a new contact), catches up.
    /// </summary>
    private void OfferAccount(StepContext context) => SendOwnAccount(context, AccountRecipients());

    private Result<Unit> Publish(StepContext context, AccountUpdate update)
    {
        if (!ApplyWithdrawing(context, update).TryGet(out _, out KithError? error))
        {
            return error;
        }

        Scratch.ChangedAccounts.Add(_directory.OwnAccount);
        SendOwnAccount(context, AccountRecipients());
        return Result.Ok();
    }

    /// <summary>
    /// Applies <paramref name="update"/> and, in the same step, withdraws every copy still waiting for a device it
    /// removed from the account (revoked): that device must get nothing more, and its copies would wait forever for
    /// an acknowledgement (the outbox never gives up on a recipient by itself). Whether anything changed, as
    /// <see cref="IMessengerDirectory.Apply"/> says.
    /// </summary>
    private Result<bool> ApplyWithdrawing(StepContext context, AccountUpdate update)
    {
        HashSet<DeviceId> before = [.. _directory.LogOf(update.Account)?.Current().Members ?? []];
        if (!_directory.Apply(update, context.NowUnixMs).TryGet(out bool changed, out KithError? error))
        {
            return Result<bool>.Fail(error);
        }

        before.ExceptWith(_directory.LogOf(update.Account)?.Current().Members ?? []);
        foreach (DeviceId removed in before)
        {
            _ = context.Withdraw(removed);
        }

        return changed;
    }

    /// <summary>
    /// Enqueues the own account's whole log and records (<see cref="AccountUpdate.Split"/>) for
    /// <paramref name="recipients"/>. The item id is the content's hash, so a state already sent to a device is not
    /// queued for it again (the outbox is idempotent per item and device) and a device that was offline gets it when
    /// it comes back, by resend or by the offer on connect.
    /// </summary>
    private void SendOwnAccount(StepContext context, List<DeviceId> recipients)
    {
        if (recipients.Count == 0 || _directory.LogOf(_directory.OwnAccount) is not { } own)
        {
            return;
        }

        foreach (AccountUpdate update in AccountUpdate.Split(own.Account, own.Entries, _directory.OwnRecords()))
        {
            byte[] payload = update.Encode();
            EventId id = AccountUpdate.ItemIdOf(payload);
            foreach (DeviceId[] batch in recipients.Chunk(Limits.MaxDeliveryRecipients))
            {
                _ = context.Enqueue(id, MessengerItemKinds.AccountUpdate, [.. batch.Select(d => new OutboundCopy(d, payload))]);
            }
        }
    }

    /// <summary>Who hears of the own account's changes: its other member devices and every contact's member devices.</summary>
    private List<DeviceId> AccountRecipients()
    {
        IEnumerable<DeviceId> own = _directory.LogOf(_directory.OwnAccount)?.Current().Members ?? [];
        IEnumerable<DeviceId> contacts = _directory.Contacts.SelectMany(c => _directory.LogOf(c)?.Current().Members ?? []);
        return [.. own.Concat(contacts).Where(d => d != Local).Distinct()];
    }

    private bool MayUpdate(DeviceId from, AccountId account) =>
        _directory.LogOf(_directory.OwnAccount)?.Current().IsMember(from) == true
        || (account != _directory.OwnAccount && _directory.Contacts.Contains(account)
            && _directory.LogOf(account)?.Current().IsMember(from) == true);

    /// <summary>After a committed step changed accounts: refresh membership (its own step), then tell the node.</summary>
    private void AnnounceAccounts()
    {
        if (Scratch.ChangedAccounts.Count == 0)
        {
            return;
        }

        AccountId[] changed = [.. Scratch.ChangedAccounts.Distinct()];
        Scratch.ChangedAccounts.Clear();
        RefreshMembership();
        foreach (AccountId account in changed)
        {
            AccountChanged?.Invoke(this, new AccountChangedEventArgs(account));
        }
    }
}
