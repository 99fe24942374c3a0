using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Accounts;

namespace Kith.Node.Device;

/// <summary>
/// <c>kith init</c>: a new account with this device as its first member (PROTOCOL.md, accounts: the genesis entry's
/// hash is the account id; a profile entry names it). The keys are generated here and never leave the store.
/// </summary>
internal static class DeviceSetup
{
    /// <summary>One-time prekeys a new device publishes: as many as a card may carry, so first contacts get forward secrecy.</summary>
    public const int OneTimePrekeys = Limits.MaxOneTimePrekeys;

    /// <summary>One-time ML-KEM prekeys a new device publishes (PQXDH §3.2), likewise the most a card carries.</summary>
    public const int OneTimePqPrekeys = Limits.MaxOneTimePqPrekeys;

    /// <summary>
    /// Creates the store in <paramref name="folder"/> and writes the device keys, the account id and the account
    /// log in one transaction, so a crash leaves either a whole device or none.
    /// </summary>
    public static Result<AccountId> Create(string folder, ReadOnlySpan<byte> passphrase, string? displayName, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (displayName is not null && !IsValidName(displayName))
        {
            return NodeErrors.BadDisplayName;
        }

        if (!KithDatabase.Create(folder, passphrase, options.Database).TryGet(out KithDatabase? database, out KithError? error))
        {
            return error.Code == "storage.already_exists" ? NodeErrors.AlreadyInitialised : error;
        }

        using (database)
        using (DeviceKeys keys = DeviceKeys.Generate(options.Random, OneTimePrekeys, OneTimePqPrekeys))
        {
            long now = options.Time.GetUtcNow().ToUnixTimeMilliseconds();
            AccountLog log = AccountLog.Create(AccountEntries.Genesis(keys.Identity, now, options.Random)).Value;
            if (!string.IsNullOrEmpty(displayName))
            {
                _ = log.Add(AccountEntries.Profile(keys.Identity, log.Account, log.Heads, now, displayName)).Value;
            }

            using SecretBytes state = keys.ExportState();
            database.RunInTransaction(transaction => StoreDevice(transaction, state, log));
            return log.Account;
        }
    }

    /// <summary>Writes a device's keys, its account id and the account log, in the caller's transaction.</summary>
    internal static void StoreDevice(KithTransaction transaction, SecretBytes keyState, AccountLog log)
    {
        var stateStore = new SqliteStateStore(transaction);
        stateStore.Write(NodeStateKinds.DeviceKeys, [], keyState.Span);
        stateStore.Write(NodeStateKinds.Account, [], log.Account.Span);
        var logs = new SqliteAccountLogStore(transaction);
        foreach (AccountEntry entry in log.Entries)
        {
            logs.Append(log.Account, entry);
        }
    }

    /// <summary>
    /// <c>init --link</c>: creates the store and the device keys only. The device joins an account when an existing
    /// device of it links this one (docs/ACCOUNTS.md, "Linking a device"); until then the node waits to be linked.
    /// </summary>
    public static Result<DeviceId> CreateUnlinked(string folder, ReadOnlySpan<byte> passphrase, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!KithDatabase.Create(folder, passphrase, options.Database).TryGet(out KithDatabase? database, out KithError? error))
        {
            return error.Code == "storage.already_exists" ? NodeErrors.AlreadyInitialised : error;
        }

        using (database)
        using (DeviceKeys keys = DeviceKeys.Generate(options.Random, OneTimePrekeys, OneTimePqPrekeys))
        {
            using SecretBytes state = keys.ExportState();
            database.RunInTransaction(transaction => new SqliteStateStore(transaction).Write(NodeStateKinds.DeviceKeys, [], state.Span));
            return keys.Device;
        }
    }

    private static bool IsValidName(string name) =>
        System.Text.Encoding.UTF8.GetByteCount(name) <= Limits.MaxDisplayNameBytes && !name.Any(char.IsControl);
}
