using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Wire.Accounts;

public sealed partial class AccountUpdate
{
    /// <summary>Bytes of an update around its entries and records: version, account, the two counts.</summary>
    private const int HeaderSize = 1 + Id32.Size + 2 + 1;

    private static ReadOnlySpan<byte> ItemIdLabel => "Kith v1 account update item"u8;

    /// <summary>
    /// Splits a whole log and its records into updates within the limits, entries in order (parents first) and the
    /// records after them. The split depends only on its input, so the same state always gives the same updates
    /// (and the same <see cref="ItemIdOf"/>): a sender can offer them again on every connect and its outbox keeps
    /// one copy per device.
    /// </summary>
    public static IReadOnlyList<AccountUpdate> Split(AccountId account, IReadOnlyList<AccountEntry> entries, IReadOnlyList<DeviceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(records);
        var updates = new List<AccountUpdate>();
        var chunkEntries = new List<AccountEntry>();
        var chunkRecords = new List<DeviceRecord>();
        int size = HeaderSize;
        foreach (AccountEntry entry in entries)
        {
            if (chunkEntries.Count == Limits.MaxAccountUpdateEntries)
            {
                Flush();
            }

            chunkEntries.Add(entry);
            size += 2 + entry.Encoded.Length;
        }

        foreach (DeviceRecord record in records)
        {
            int length = 2 + record.ToBytes().Length;
            if (chunkRecords.Count == Limits.MaxAccountUpdateRecords || size + length > Limits.MaxAccountUpdateBytes)
            {
                Flush();
            }

            chunkRecords.Add(record);
            size += length;
        }

        if (chunkEntries.Count > 0 || chunkRecords.Count > 0)
        {
            Flush();
        }

        return updates;

        void Flush()
        {
            updates.Add(new AccountUpdate(account, [.. chunkEntries], [.. chunkRecords]));
            chunkEntries.Clear();
            chunkRecords.Clear();
            size = HeaderSize;
        }
    }

    /// <summary>The outbox item id of an encoded update: a labelled BLAKE2b-256 of its bytes (same content, same item).</summary>
    public static EventId ItemIdOf(ReadOnlySpan<byte> encoded)
    {
        var id = new byte[Blake2b.Hash256Size];
        Blake2b.Hash(encoded, id, ItemIdLabel);
        return EventId.FromBytes(id);
    }
}
