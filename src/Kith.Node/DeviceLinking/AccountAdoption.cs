using Kith.Node.Device;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Devices;
using Kith.Protocol.Messaging;
using Kith.Storage.Stores;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// The new device's side of the copies (<see cref="AccountCopyExport"/>): it holds them in memory (bounded by
/// <see cref="Limits.MaxLinkCopyBytes"/> and <see cref="Limits.MaxLinkCopies"/>), verifies every log and record
/// itself, and then adopts the account, its contacts and the history in ONE transaction, so a device is either
/// wholly in the account or still waiting to be linked.
/// </summary>
/// <param name="device">This (new) device.</param>
/// <param name="account">The account the co-signed entry added this device to.</param>
/// <param name="from">The existing device the copies come from (an own device once adopted).</param>
internal sealed class AccountAdoption(LocalDevice device, AccountId account, DeviceId from)
{
    private readonly List<LinkAccountCopy> _accounts = [];
    private readonly List<byte[]> _history = [];
    private long _bytes;

    /// <summary>Takes one copy frame; refuses (changing nothing) what does not decode or passes the bounds.</summary>
    public Result<Unit> Add(LinkMessageType type, byte[] frame)
    {
        if (_accounts.Count + _history.Count >= Limits.MaxLinkCopies || _bytes + frame.Length > Limits.MaxLinkCopyBytes)
        {
            return LinkSessionErrors.BadCopy;
        }

        if (type == LinkMessageType.AccountCopy)
        {
            if (!LinkAccountCopy.Decode(frame).TryGet(out LinkAccountCopy? copy, out KithError? error))
            {
                return error;
            }

            _accounts.Add(copy);
        }
        else if (LinkHistoryCopy.Decode(frame).TryGet(out LinkHistoryCopy? page, out KithError? error))
        {
            _history.Add(page.Transfer);
        }
        else
        {
            return error;
        }

        _bytes += frame.Length;
        return Result.Ok();
    }

    /// <summary>
    /// Checks that everything announced arrived and verifies, then writes the account id, the logs, the records,
    /// the contacts and the history pages in one transaction. On any refusal nothing is written.
    /// </summary>
    /// <returns>How many history messages were stored.</returns>
    public Result<int> Finish(LinkCopyDone done)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (done.Accounts != _accounts.Count || done.HistoryPages != _history.Count || _accounts.Count == 0 || _accounts[0].Contact.Length != 0)
        {
            return LinkSessionErrors.BadCopy;
        }

        if (Verify(_accounts[0], account) is not { } own || !own.Log.Current().Members.Contains(device.Device)
            || !own.Log.Current().Members.Contains(from))
        {
            return LinkSessionErrors.BadCopy;
        }

        var contacts = new List<(ContactRecord Record, Verified Copy)>();
        foreach (LinkAccountCopy copy in _accounts.Skip(1))
        {
            if (!ContactRecord.Decode(copy.Contact).TryGet(out ContactRecord? record, out _) || record.Account == account
                || Verify(copy, record.Account) is not { } verified)
            {
                return LinkSessionErrors.BadCopy;
            }

            contacts.Add((record, verified));
        }

        int stored = device.Database.RunInTransaction(transaction =>
        {
            new SqliteStateStore(transaction).Write(NodeStateKinds.Account, [], account.Span);
            var logs = new SqliteAccountLogStore(transaction);
            var records = new SqliteDeviceRecordStore(transaction);
            Store(logs, records, own, device.Device);
            var book = new SqliteContactStore(transaction);
            foreach ((ContactRecord record, Verified copy) in contacts)
            {
                Store(logs, records, copy, null);
                book.Put(record);
            }

            // History is best effort: a page that does not open is skipped, the account is adopted all the same.
            var history = new HistoryTransfer(device.Keys.Prekeys, new SqliteSessionStore(transaction), new SqliteStateStore(transaction),
                peer => own.Records.FirstOrDefault(r => r.Device == peer)?.Prekeys);
            var messages = new SqliteMessageStore(transaction);
            return _history.Sum(page => history.Import(from, page, own.Log.Current().Members, messages).TryGet(out int count, out _) ? count : 0);
        });
        device.Adopt(account);
        return stored;
    }

    /// <summary>Names the account only.</summary>
    public override string ToString() => $"AccountAdoption({account}, {_accounts.Count} accounts, {_history.Count} pages)";

    private static Verified? Verify(LinkAccountCopy copy, AccountId expected)
    {
        if (!AccountLog.Load(copy.Entries).TryGet(out AccountLog? log, out _) || log.Account != expected)
        {
            return null;
        }

        IReadOnlyList<DeviceId> members = log.Current().Members;
        return copy.Records.All(record => DeviceRecords.Verify(record).IsOk && members.Contains(record.Device))
            ? new Verified(log, copy.Records)
            : null;
    }

    private static void Store(SqliteAccountLogStore logs, SqliteDeviceRecordStore records, Verified copy, DeviceId? self)
    {
        foreach (AccountEntry entry in copy.Log.Entries)
        {
            logs.Append(copy.Log.Account, entry);
        }

        foreach (DeviceRecord record in copy.Records.Where(record => record.Device != self))
        {
            records.Put(copy.Log.Account, record);
        }
    }

    private sealed record Verified(AccountLog Log, IReadOnlyList<DeviceRecord> Records);
}
