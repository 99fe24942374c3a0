using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Protocol.Contacts;

/// <summary>An <see cref="IDeviceRecordStore"/> in memory; it stores the encoded bytes, as a database would.</summary>
public sealed class InMemoryDeviceRecordStore : IDeviceRecordStore
{
    private readonly Dictionary<AccountId, SortedDictionary<DeviceId, byte[]>> _records = [];

    /// <inheritdoc/>
    public IReadOnlyList<DeviceRecord> Load(AccountId account) =>
        _records.TryGetValue(account, out SortedDictionary<DeviceId, byte[]>? devices)
            ? [.. devices.Values.Select(bytes => DeviceRecord.Decode(bytes).Value)]
            : [];

    /// <inheritdoc/>
    public void Put(AccountId account, DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_records.TryGetValue(account, out SortedDictionary<DeviceId, byte[]>? devices))
        {
            _records[account] = devices = [];
        }

        devices[record.Device] = record.ToBytes();
    }

    /// <inheritdoc/>
    public void Remove(AccountId account, DeviceId device)
    {
        if (_records.TryGetValue(account, out SortedDictionary<DeviceId, byte[]>? devices))
        {
            devices.Remove(device);
        }
    }
}
