using Kith.Engine.Messaging;
using Kith.Node.Device;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Storage.Stores;
using Kith.Wire.Devices;
using Kith.Wire.Prekeys;

namespace Kith.Node.Services;

/// <summary>
/// The <see cref="Messenger"/>'s view of accounts over this node's stores (Messaging README, "What the node
/// calls"): the contacts are the contact store's, each account's log is the stored log (the own one included, as
/// <c>kith-node init</c> wrote it), and a device's prekeys are those of its stored device record.
/// </summary>
/// <remarks>
/// The messenger asks during its engine steps, which already hold the store's one transaction, so the answers come
/// from a snapshot read in one transaction of its own by <see cref="Reload"/>: at start, and whenever a contact
/// changes (then the messenger is told with <see cref="Messenger.RefreshMembership"/>). A snapshot is replaced
/// whole, so a reader on another thread sees either the old one or the new one.
/// </remarks>
internal sealed class NodeMessengerDirectory : IMessengerDirectory
{
    private readonly LocalDevice _local;
    private volatile Snapshot _current;

    public NodeMessengerDirectory(LocalDevice local)
    {
        ArgumentNullException.ThrowIfNull(local);
        _local = local;
        _current = Read(local);
    }

    /// <inheritdoc/>
    public AccountId OwnAccount => _local.Account;

    /// <inheritdoc/>
    public IReadOnlyList<AccountId> Contacts => _current.Contacts;

    /// <inheritdoc/>
    public AccountLog? LogOf(AccountId account) => _current.Logs.GetValueOrDefault(account);

    /// <inheritdoc/>
    public DevicePrekeys? PrekeysOf(DeviceId device) => _current.Prekeys.GetValueOrDefault(device);

    /// <summary>Reads the contacts, logs and device records again (outside any engine step).</summary>
    public void Reload() => _current = Read(_local);

    /// <summary>The account <paramref name="author"/> is (or was) a member of: this one, else a contact's; null when unknown.</summary>
    public AccountId? AccountOf(DeviceId author)
    {
        Snapshot current = _current;
        foreach (AccountId account in (AccountId[])[OwnAccount, .. current.Contacts])
        {
            if (current.Logs.GetValueOrDefault(account)?.Current() is { } view && (view.IsMember(author) || view.Revoked.Contains(author)))
            {
                return account;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"NodeMessengerDirectory({_local.Account})";

    private static Snapshot Read(LocalDevice local) => local.Database.RunInTransaction(transaction =>
    {
        var logs = new SqliteAccountLogStore(transaction);
        var records = new SqliteDeviceRecordStore(transaction);
        AccountId[] contacts = [.. new SqliteContactStore(transaction).All().Select(c => c.Account)];
        var loaded = new Dictionary<AccountId, AccountLog>();
        var prekeys = new Dictionary<DeviceId, DevicePrekeys>();
        foreach (AccountId account in (AccountId[])[local.Account, .. contacts])
        {
            if (logs.Contains(account) && AccountLog.Load(logs.Load(account)).TryGet(out AccountLog? log, out _))
            {
                loaded[account] = log;
            }

            foreach (DeviceRecord record in records.Load(account))
            {
                if (record.Prekeys is { } published)
                {
                    prekeys.TryAdd(record.Device, published);
                }
            }
        }

        return new Snapshot(contacts, loaded, prekeys);
    });

    private sealed record Snapshot(IReadOnlyList<AccountId> Contacts, IReadOnlyDictionary<AccountId, AccountLog> Logs,
        IReadOnlyDictionary<DeviceId, DevicePrekeys> Prekeys);
}
