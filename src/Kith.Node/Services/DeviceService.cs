using Kith.Api.Devices;
using Kith.Engine.Messaging;
using Kith.Node.Device;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Storage.Stores;
using Kith.Wire.Devices;
using Kith.Wire.Onion;

namespace Kith.Node.Services;

/// <summary>
/// <c>kith devices list</c>: the members and revoked devices of this account's log, this device first; and
/// <c>kith devices revoke</c> through the messenger (<see cref="Messenger.RevokeDevice"/>).
/// </summary>
internal sealed class DeviceService(LocalDevice device)
{
    /// <summary>
    /// Revokes the device <paramref name="query"/> names (see <see cref="DeviceResolver"/>) in one messenger step that
    /// also queues the revocation for every other device; this device cannot revoke itself (<c>account.self_revocation</c>).
    /// </summary>
    public Result<DeviceView> Revoke(Messenger messenger, string query)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        if (!DeviceResolver.Resolve(device.LoadAccountLog().Current(), query).TryGet(out DeviceId revoked, out KithError? error)
            || !messenger.RevokeDevice(revoked).TryGet(out _, out error))
        {
            return error;
        }

        return List().First(view => view.DeviceId == revoked.ToString());
    }

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
