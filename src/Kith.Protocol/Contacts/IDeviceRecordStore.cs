using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Protocol.Contacts;

/// <summary>
/// The latest verified <see cref="DeviceRecord"/> of each contact device (how to reach it, and its prekeys for
/// PQXDH). A SQLite store keeps one row per device (<c>account BLOB, device BLOB PRIMARY KEY, record BLOB</c>).
/// </summary>
public interface IDeviceRecordStore
{
    /// <summary>The stored records of <paramref name="account"/>'s devices, ordered by device.</summary>
    IReadOnlyList<DeviceRecord> Load(AccountId account);

    /// <summary>Inserts or replaces the record of its device.</summary>
    void Put(AccountId account, DeviceRecord record);

    /// <summary>Forgets a device (revoked: it must get no key material again).</summary>
    void Remove(AccountId account, DeviceId device);
}
