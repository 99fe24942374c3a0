using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Protocol.Trust;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Protocol.Contacts;

public sealed partial class ContactBook
{
    /// <summary>
    /// Applies an <see cref="AccountUpdate"/> another device sent (issue 5: account logs travel over links) to
    /// <paramref name="ownAccount"/>'s log or a known contact's. Untrusted input, all or nothing: every entry must
    /// chain to the known log and be valid there (<see cref="AccountLog.AddMany"/>), the merged log must not be
    /// forked where the known one was not (<see cref="AccountErrors.Forked"/>), and every record must verify
    /// (<see cref="DeviceRecords.Verify"/>); otherwise nothing is stored. Records of member devices are kept
    /// newest first, revoked devices' records are forgotten, and a contact's trust follows its merged log.
    /// </summary>
    /// <returns>Whether the log or the records changed.</returns>
    public Result<bool> ApplyUpdate(AccountId ownAccount, AccountUpdate update, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(update);
        ContactRecord? contact = update.Account == ownAccount ? null : _contacts.Find(update.Account);
        if (update.Account != ownAccount && contact is null)
        {
            return TrustErrors.UnknownContact;
        }

        if (!LoadLog(update.Account).TryGet(out AccountLog? known, out KithError? error))
        {
            return error;
        }

        AccountLog merged = known.Clone();
        List<AccountEntry> fresh = [.. update.Entries.Where(entry => !known.Contains(entry.Id))];
        IReadOnlyList<Result<AccountEntry>> results = merged.AddMany(fresh);
        foreach (Result<AccountEntry> result in results)
        {
            if (!result.TryGet(out _, out KithError? refused))
            {
                return refused;
            }
        }

        if (merged.Current().Conflicts.Count > known.Current().Conflicts.Count)
        {
            return AccountErrors.Forked;
        }

        foreach (DeviceRecord record in update.Records)
        {
            if (!DeviceRecords.Verify(record).TryGet(out _, out KithError? bad))
            {
                return bad;
            }
        }

        if (contact is not null && fresh.Count > 0 && !Merge(contact, fresh, nowUnixMs).TryGet(out _, out error))
        {
            return error;
        }

        if (contact is null)
        {
            foreach (AccountEntry entry in merged.Entries.Skip(known.Count))
            {
                _logs.Append(update.Account, entry);
            }
        }

        return StoreRecords(update.Account, update.Records, merged.Current()) || fresh.Count > 0;
    }
}
