using Kith.Protocol.Accounts;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteAccountLogStoreTests : AccountLogStoreConformance
{
    private ulong _seed = 300;

    protected override IAccountLogStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteAccountLogStore(database);
    }
}
