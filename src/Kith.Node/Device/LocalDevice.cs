using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Devices;

namespace Kith.Node.Device;

/// <summary>
/// This device as the running node holds it: the open store, its keys and its account. A device made by
/// <c>init --link</c> has no account until an existing device links it (<see cref="Adopt"/>).
/// </summary>
internal sealed class LocalDevice : IDisposable
{
    private AccountId? _account;

    private LocalDevice(KithDatabase database, DeviceKeys keys, AccountId? account)
    {
        Database = database;
        Keys = keys;
        _account = account;
    }

    /// <summary>The open store.</summary>
    public KithDatabase Database { get; }

    /// <summary>The device's private keys.</summary>
    public DeviceKeys Keys { get; }

    /// <summary>The device's account.</summary>
    /// <exception cref="InvalidOperationException">The device is waiting to be linked (callers check <see cref="IsLinked"/>).</exception>
    public AccountId Account => _account ?? throw new InvalidOperationException("This device is not in an account yet.");

    /// <summary>Whether the device is in an account (false while it waits to be linked).</summary>
    public bool IsLinked => _account is not null;

    /// <summary>The device id.</summary>
    public DeviceId Device => Keys.Device;

    /// <summary>Opens the store in <paramref name="folder"/> and loads the device; a wrong passphrase changes nothing.</summary>
    public static Result<LocalDevice> Open(string folder, ReadOnlySpan<byte> passphrase, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(Path.Combine(folder, KithDatabase.FileName)))
        {
            return NodeErrors.NotInitialised;
        }

        if (!KithDatabase.Open(folder, passphrase, options.Database).TryGet(out KithDatabase? database, out KithError? error))
        {
            return error;
        }

        var state = new SqliteStateStore(database);
        if (!state.Read(NodeStateKinds.DeviceKeys, []).TryGet(out byte[]? keyState, out error)
            || !state.Read(NodeStateKinds.Account, []).TryGet(out byte[]? account, out error))
        {
            database.Dispose();
            return error;
        }

        if (keyState is null || account is not (null or { Length: AccountId.Size }))
        {
            database.Dispose();
            return NodeErrors.NoDevice;
        }

        Result<DeviceKeys> keys = DeviceKeys.ImportState(keyState);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(keyState);
        if (!keys.TryGet(out DeviceKeys? loaded, out error))
        {
            database.Dispose();
            return error;
        }

        return new LocalDevice(database, loaded, account is null ? null : AccountId.FromBytes(account));
    }

    /// <summary>The account this device was linked into, once its adoption committed (<c>DeviceLinking/NewDeviceSession</c>).</summary>
    public void Adopt(AccountId account)
    {
        if (_account is { } current && current != account)
        {
            throw new InvalidOperationException("This device is already in another account.");
        }

        _account = account;
    }

    /// <summary>This account's log as stored.</summary>
    public AccountLog LoadAccountLog() =>
        AccountLog.Load(new SqliteAccountLogStore(Database).Load(Account)).Value;

    /// <summary>
    /// Stores this device's record, offering <paramref name="transports"/>, among its account's records, unless the
    /// stored one offers the same: account updates carry the own account's records to other devices (and the same
    /// record across restarts keeps those updates the same, so they are not sent again).
    /// </summary>
    public void StoreOwnRecord(IReadOnlyList<DeviceTransport> transports, long nowUnixMs) => Database.RunInTransaction(transaction =>
    {
        var records = new SqliteDeviceRecordStore(transaction);
        DeviceRecord? stored = records.Load(Account).FirstOrDefault(r => r.Device == Device);
        if (stored is null || !stored.Transports.SequenceEqual(transports))
        {
            records.Put(Account, Keys.IssueRecord(transports, nowUnixMs));
        }

        return 0;
    });

    /// <summary>Zeroes the keys and closes the store.</summary>
    public void Dispose()
    {
        Keys.Dispose();
        Database.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"LocalDevice({Device})";
}
