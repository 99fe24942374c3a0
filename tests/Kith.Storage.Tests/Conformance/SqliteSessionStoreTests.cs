using Kith.Primitives.Ids;
using Kith.Protocol.Sessions;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteSessionStoreTests : SessionStoreConformance
{
    private ulong _seed = 400;

    protected override ISessionStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteSessionStore(database);
    }

    private static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    [Fact]
    public void A_state_moved_to_another_pairs_row_reads_as_corrupt()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 60);
        var store = new SqliteSessionStore(database);
        store.Save(Device(1), Device(2), [1, 1]);
        store.Save(Device(2), Device(1), [2, 2]);
        using (SqliteConnection raw = TestStores.Raw(database.FilePath))
        {
            TestStores.Execute(raw, "UPDATE session SET state = (SELECT state FROM session ORDER BY pair LIMIT 1)");
        }

        var results = new[] { store.Load(Device(1), Device(2)), store.Load(Device(2), Device(1)) };
        Assert.Single(results, r => r.IsOk);
        Assert.Equal(StorageErrors.CorruptValue, Assert.Single(results, r => !r.IsOk).Error);
    }

    [Fact]
    public void A_session_saved_in_a_rejected_step_is_not_kept()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 61);
        new SqliteSessionStore(database).Save(Device(1), Device(2), [1]);
        var rejection = Kith.Primitives.Errors.KithError.Reject("test.rejected", "the step refused its input");
        database.RunStep<int>(transaction =>
        {
            var store = new SqliteSessionStore(transaction);
            store.Save(Device(1), Device(2), [2]);
            Assert.Equal([2], store.Load(Device(1), Device(2)).Value);
            return rejection;
        });
        Assert.Equal([1], new SqliteSessionStore(database).Load(Device(1), Device(2)).Value);
    }
}
