using Kith.Protocol.Contacts;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteDeviceRecordStoreTests : DeviceRecordStoreConformance
{
    private ulong _seed = 300;

    protected override IDeviceRecordStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteDeviceRecordStore(database);
    }
}
