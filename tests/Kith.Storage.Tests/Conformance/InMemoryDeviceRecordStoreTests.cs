using Kith.Protocol.Contacts;

namespace Kith.Storage.Tests.Conformance;

public sealed class InMemoryDeviceRecordStoreTests : DeviceRecordStoreConformance
{
    protected override IDeviceRecordStore CreateStore() => new InMemoryDeviceRecordStore();
}
