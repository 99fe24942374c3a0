using Kith.Crypto;
using Kith.Node.Device;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Protocol.Messaging;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// The existing device's copies for a newly linked device (docs/ACCOUNTS.md, "Linking a device"; issue 5): this
/// account's log and device records, each contact's record, log and device records, and the history of each 1:1
/// conversation as <see cref="HistoryTransfer"/> pages sealed over the two devices' pairwise session ("a newly
/// linked device gets history from its own devices' decrypted store, not old chain keys"). Built in one transaction,
/// which also saves the pairwise session the pages advanced.
/// </summary>
internal static class AccountCopyExport
{
    /// <summary>
    /// The frames to send, in order, ending with <see cref="LinkCopyDone"/>. <paramref name="self"/> is this
    /// device's own fresh record (a device does not store its own), so the new device can reach it.
    /// </summary>
    public static IReadOnlyList<byte[]> Build(LocalDevice device, DeviceRecord self, DeviceRecord newDevice, IRandomSource random) =>
        device.Database.RunInTransaction(transaction => Build(transaction, device, self, newDevice, random));

    private static List<byte[]> Build(KithTransaction transaction, LocalDevice device, DeviceRecord self, DeviceRecord newDevice, IRandomSource random)
    {
        var logs = new SqliteAccountLogStore(transaction);
        var records = new SqliteDeviceRecordStore(transaction);
        List<DeviceRecord> own = [self, .. records.Load(device.Account).Where(record => record.Device != self.Device)];
        var frames = new List<byte[]> { new LinkAccountCopy([], logs.Load(device.Account), own).ToBytes() };
        IReadOnlyList<ContactRecord> contacts = new SqliteContactStore(transaction).All();
        foreach (ContactRecord contact in contacts)
        {
            frames.Add(Copy(contact.ToBytes(), contact.Account, logs, records));
        }

        int accounts = frames.Count;
        long size = frames.Sum(frame => (long)frame.Length);
        // The new device's prekeys are in its verified record; the first page starts the pairwise session (PQXDH).
        var history = new HistoryTransfer(device.Keys.Prekeys, new SqliteSessionStore(transaction), new SqliteStateStore(transaction),
            peer => peer == newDevice.Device ? newDevice.Prekeys : null);
        var messages = new SqliteMessageStore(transaction);
        int pages = 0;
        foreach (ContactRecord contact in contacts)
        {
            ConversationId conversation = ConversationIds.OneToOne(device.Account, contact.Account);
            long before = long.MaxValue;
            while (frames.Count < Limits.MaxLinkCopies
                && history.Export(messages, conversation, newDevice.Device, random, before).TryGet(out HistoryPage? page, out KithError? _)
                && page.Count > 0)
            {
                byte[] frame = new LinkHistoryCopy(page.Transfer).ToBytes();
                if (size + frame.Length > Limits.MaxLinkCopyBytes)
                {
                    break;
                }

                frames.Add(frame);
                (size, pages) = (size + frame.Length, pages + 1);
                if (page.NextBefore is not { } next)
                {
                    break;
                }

                before = next;
            }
        }

        frames.Add(new LinkCopyDone(accounts, pages).ToBytes());
        return frames;
    }

    private static byte[] Copy(byte[] contact, AccountId account, SqliteAccountLogStore logs, SqliteDeviceRecordStore records) =>
        new LinkAccountCopy(contact, logs.Load(account), records.Load(account)).ToBytes();
}
