using Kith.Protocol.Storage;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Conformance;

public sealed class SqliteStateStoreTests : StateStoreConformance
{
    private ulong _seed = 100;

    protected override IStateStore CreateStore()
    {
        TempFolder folder = Own(new TempFolder());
        KithDatabase database = Own(TestStores.Create(folder, _seed++));
        return new SqliteStateStore(database);
    }

    [Fact]
    public void Values_survive_closing_and_reopening_the_store()
    {
        using var folder = new TempFolder();
        using (KithDatabase database = TestStores.Create(folder))
        {
            new SqliteStateStore(database).Write("session", [7], [1, 2, 3]);
        }

        using KithDatabase reopened = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(2)).Value;
        Assert.Equal([1, 2, 3], new SqliteStateStore(reopened).Read("session", [7]).Value);
    }

    [Fact]
    public void A_value_moved_to_another_row_reads_as_corrupt_not_as_the_other_value()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        var store = new SqliteStateStore(database);
        store.Write("session", [1], [1, 1, 1]);
        store.Write("session", [2], [2, 2, 2]);
        using (var raw = TestStores.Raw(database.FilePath))
        {
            var rows = TestStores.StateRows(raw);
            using var swap = new Microsoft.Data.Sqlite.SqliteCommand("UPDATE state SET value = $v WHERE lookup = $l", raw);
            swap.Parameters.AddWithValue("$v", rows[0].Value);
            swap.Parameters.AddWithValue("$l", rows[1].Lookup);
            Assert.Equal(1, swap.ExecuteNonQuery());
        }

        var results = new[] { store.Read("session", [1]), store.Read("session", [2]) };
        Assert.Single(results, r => r.IsOk);
        Assert.Equal(StorageErrors.CorruptValue, Assert.Single(results, r => !r.IsOk).Error);
    }
}
