using Kith.Api.Devices;
using Kith.Node.Device;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Storage.Stores;
using Kith.Wire.Devices;
using Kith.Wire.Onion;

namespace Kith.Node.Services;

/// <summary><c>kith devices list</c>: the members and revoked devices of this account's log, this device first.</summary>
internal sealed class DeviceService(LocalDevice device)
{
    public IReadOnlyList<DeviceView> List()
    {
        AccountView view = device.LoadAccountLog().Current();
        Dictionary<DeviceId, DeviceRecord> records = new SqliteDeviceRecordStore(device.Database).Load(device.Account)
            .ToDictionary(record => record.Device);
        string? OnionOf(DeviceId id) => id == device.Device
            ? OnionAddress.FromPublicKey(device.Keys.OnionPublicKey).HostName
            : records.TryGetValue(id, out DeviceRecord? record) ? DeviceRecords.OnionAddressOf(record).HostName : null;

        return [.. view.Members.Select(id => new DeviceView(id.ToString(), OnionOf(id), id == device.Device, Revoked: false))
            .Concat(view.Revoked.Select(id => new DeviceView(id.ToString(), OnionOf(id), id == device.Device, Revoked: true)))
            .OrderByDescending(d => d.ThisDevice)];
    }
}
