using Kith.Crypto;
using Kith.Node.Device;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Node.Tests.Support;

/// <summary>
/// A second device of a running node's account, prepared the way device linking leaves it (task B does it over the
/// link): its own keys, the account id, the account log with the add-device entry both devices signed, and the first
/// device's record (so each can authenticate the other's link). The first device still has to publish the entry.
/// </summary>
internal static class SecondDevice
{
    /// <summary>Creates the new device's store in a new folder; returns the folder and the co-signed add-device entry.</summary>
    public static (string Folder, AccountEntry Added) Prepare(TestNode first, NodeOptions options)
    {
        LocalDevice existing = first.Host.Device;
        string folder = TestNode.NewFolder();
        KithDatabase database = KithDatabase.Create(folder, TestNode.Passphrase, options.Database).Value;
        using (database)
        using (DeviceKeys keys = DeviceKeys.Generate(options.Random, 2, 0))
        {
            long now = options.Time.GetUtcNow().ToUnixTimeMilliseconds();
            AccountLog log = existing.LoadAccountLog();
            AccountEntry added = AccountEntries.Add(existing.Keys.Identity, keys.Identity, log.Account, log.Heads,
                Math.Max(now, log.Entries.Max(e => e.CreatedAtUnixMs)));
            Assert.True(log.Add(added).IsOk);
            DeviceRecord firstRecord = existing.Keys.IssueRecord(
                [DeviceTransport.DirectTcp("127.0.0.1", (ushort)first.Host.PeerEndPoint.Port)], now);
            using SecretBytes state = keys.ExportState();
            database.RunInTransaction(transaction =>
            {
                DeviceSetup.StoreDevice(transaction, state, log);
                new SqliteDeviceRecordStore(transaction).Put(log.Account, firstRecord);
            });
            return (folder, added);
        }
    }

    /// <summary>The record <paramref name="node"/>'s device stored for itself at start (what linking hands the first device).</summary>
    public static DeviceRecord OwnRecord(TestNode node)
    {
        LocalDevice device = node.Host.Device;
        return new SqliteDeviceRecordStore(device.Database).Load(device.Account).Single(r => r.Device == device.Device);
    }

    /// <summary>The members of <paramref name="account"/>'s log as <paramref name="node"/> knows it.</summary>
    public static IReadOnlyList<DeviceId> MembersSeenBy(TestNode node, AccountId account) =>
        AccountLog.Load(new SqliteAccountLogStore(node.Host.Device.Database).Load(account)).Value.Current().Members;
}
