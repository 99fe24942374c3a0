using Kith.Engine.Messaging;
using Kith.Node.Device;
using Kith.Primitives.Ids;
using Kith.Primitives.Errors;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Prekeys;

namespace Kith.Node.Services;

/// <summary>
/// The <see cref="Messenger"/>'s view of accounts over this node's stores (Messaging README, "What the node
/// calls"): the contacts are the contact store's, each account's log is the stored log (the own one included, as
/// <c>kith-node init</c> wrote it), and a device's prekeys are those of its stored device record. Each read is its
/// own transaction, or joins the step's when the messenger reads mid-step (transactions do not nest); the
/// messenger reads membership at every step and is told of changes by RefreshMembership.
/// </summary>
internal sealed class NodeMessengerDirectory(LocalDevice local) : IMessengerDirectory
{
    /// <inheritdoc/>
    public AccountId OwnAccount => local.Account;

    /// <inheritdoc/>
    public IReadOnlyList<AccountId> Contacts =>
        [.. (local.Database.Current is { } t ? new SqliteContactStore(t) : new SqliteContactStore(local.Database)).All().Select(c => c.Account)];

    /// <inheritdoc/>
    public AccountLog? LogOf(AccountId account)
    {
        var logs = local.Database.Current is { } t ? new SqliteAccountLogStore(t) : new SqliteAccountLogStore(local.Database);
        return logs.Contains(account) && AccountLog.Load(logs.Load(account)).TryGet(out AccountLog? log, out _) ? log : null;
    }

    /// <inheritdoc/>
    public DevicePrekeys? PrekeysOf(DeviceId device)
    {
        var records = local.Database.Current is { } t ? new SqliteDeviceRecordStore(t) : new SqliteDeviceRecordStore(local.Database);
        foreach (AccountId account in (AccountId[])[OwnAccount, .. Contacts])
        {
            if (records.Load(account).FirstOrDefault(r => r.Device == device) is { } record)
            {
                return record.Prekeys;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DeviceRecord> OwnRecords()
    {
        // The node stores this device's own record at start (NodeHost.StoreOwnRecord), with the transports it serves.
        var records = local.Database.Current is { } t ? new SqliteDeviceRecordStore(t) : new SqliteDeviceRecordStore(local.Database);
        AccountView? own = LogOf(OwnAccount)?.Current();
        return [.. records.Load(OwnAccount).Where(r => own?.IsMember(r.Device) == true)
            .Select(r => r.WithPrekeys(r.Prekeys?.WithoutOneTimeKeys()))];
    }

    /// <inheritdoc/>
    public Result<bool> Apply(AccountUpdate update, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(update);
        KithTransaction transaction = local.Database.Current
            ?? throw new InvalidOperationException("An account update is applied inside the messenger's step.");
        ContactBook book = ContactService.Book(transaction);
        return book.ApplyUpdate(OwnAccount, update, nowUnixMs);
    }

    /// <summary>The account <paramref name="author"/> is (or was) a member of: this one, else a contact's; null when unknown.</summary>
    public AccountId? AccountOf(DeviceId author)
    {
        foreach (AccountId account in (AccountId[])[OwnAccount, .. Contacts])
        {
            if (LogOf(account)?.Current() is { } view && (view.IsMember(author) || view.Revoked.Contains(author)))
            {
                return account;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"NodeMessengerDirectory({local.Account})";
}
