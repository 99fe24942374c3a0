using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Storage;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What only the SQLite stores can show: shared transactions, durability and tampered rows.</summary>
public sealed class SqliteProtocolStoreTests
{
    private static readonly (AccountId Account, List<AccountEntry> Entries) Log = ProtocolSamples.AccountLog(40, profiles: 2);
    private static readonly DeviceRecord DeviceA = ProtocolSamples.Device(41);
    private static readonly DeviceRecord DeviceB = ProtocolSamples.Device(42);

    private sealed record Stores(IAccountLogStore Log, IContactStore Contacts, IDeviceRecordStore Devices, IStateStore State)
    {
        public static Stores In(KithTransaction transaction) => new(new SqliteAccountLogStore(transaction),
            new SqliteContactStore(transaction), new SqliteDeviceRecordStore(transaction), new SqliteStateStore(transaction));

        public static Stores On(KithDatabase database) => new(new SqliteAccountLogStore(database),
            new SqliteContactStore(database), new SqliteDeviceRecordStore(database), new SqliteStateStore(database));
    }

    private static void WriteAll(Stores stores)
    {
        Log.Entries.ForEach(entry => stores.Log.Append(Log.Account, entry));
        stores.Contacts.Put(ProtocolSamples.Contact(Log.Account, "Ada"));
        stores.Devices.Put(Log.Account, DeviceA);
        stores.State.Write("outbox", [1], [9, 9]);
    }

    private static void AssertNothingStored(Stores stores)
    {
        Assert.False(stores.Log.Contains(Log.Account));
        Assert.Null(stores.Contacts.Find(Log.Account));
        Assert.Empty(stores.Devices.Load(Log.Account));
        Assert.Null(stores.State.Read("outbox", [1]).Value);
    }

    private static void AssertAllStored(Stores stores)
    {
        Assert.Equal(Log.Entries.Select(e => e.ToBytes()), stores.Log.Load(Log.Account));
        Assert.Equal("Ada", stores.Contacts.Find(Log.Account)!.DisplayName);
        Assert.Equal(DeviceA.ToBytes(), Assert.Single(stores.Devices.Load(Log.Account)).ToBytes());
        Assert.Equal([9, 9], stores.State.Read("outbox", [1]).Value);
    }

    private static int Execute(KithDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection raw = TestStores.Raw(database.FilePath);
        using var command = new SqliteCommand(sql, raw);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    private static List<object[]> Rows(KithDatabase database, string sql)
    {
        using SqliteConnection raw = TestStores.Raw(database.FilePath);
        using var command = new SqliteCommand(sql, raw);
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void A_rejected_step_keeps_none_of_its_writes_and_an_accepted_one_commits_them_together()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 50);
        KithError rejection = KithError.Reject("test.rejected", "the step refused its input");
        Result<Unit> rejected = database.RunStep<Unit>(transaction =>
        {
            Stores stores = Stores.In(transaction);
            WriteAll(stores);
            AssertAllStored(stores);
            return rejection;
        });
        Assert.Equal(rejection, rejected.Error);
        AssertNothingStored(Stores.On(database));

        Assert.True(database.RunStep(transaction =>
        {
            WriteAll(Stores.In(transaction));
            return Result.Ok();
        }).IsOk);
        AssertAllStored(Stores.On(database));
    }

    [Fact]
    public void A_store_given_a_database_refuses_to_open_a_second_transaction_inside_a_step()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 51);
        database.RunInTransaction(_ =>
            Assert.Throws<InvalidOperationException>(() => new SqliteContactStore(database).Find(Log.Account)));
    }

    [Fact]
    public void Everything_survives_closing_and_reopening_the_store()
    {
        using var folder = new TempFolder();
        using (KithDatabase database = TestStores.Create(folder, seed: 52))
        {
            WriteAll(Stores.On(database));
        }

        using KithDatabase reopened = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(53)).Value;
        AssertAllStored(Stores.On(reopened));
        new SqliteAccountLogStore(reopened).Append(Log.Account, Log.Entries[0]);
        Assert.Equal(Log.Entries.Count, new SqliteAccountLogStore(reopened).Load(Log.Account).Count);
    }

    [Fact]
    public void A_contact_record_moved_to_another_account_row_is_corrupt_not_the_other_contact()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 54);
        var store = new SqliteContactStore(database);
        AccountId other = ProtocolSamples.Account(3);
        store.Put(ProtocolSamples.Contact(Log.Account, "Ada"));
        store.Put(ProtocolSamples.Contact(other, "Eve"));
        List<object[]> rows = Rows(database, "SELECT account, record FROM contact");
        Assert.Equal(1, Execute(database, "UPDATE contact SET record = $r WHERE account = $a", ("$r", rows[0][1]), ("$a", rows[1][0])));

        Assert.Equal("contact", Assert.Throws<StoredValueCorruptException>(() => store.All()).Table);
        int readable = new[] { Log.Account, other }.Count(account =>
        {
            try
            {
                return store.Find(account) is not null;
            }
            catch (StoredValueCorruptException)
            {
                return false;
            }
        });
        Assert.Equal(1, readable);
    }

    [Fact]
    public void Account_log_entries_swapped_in_order_are_corrupt_not_reordered()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 55);
        var store = new SqliteAccountLogStore(database);
        Log.Entries.ForEach(entry => store.Append(Log.Account, entry));
        Execute(database, "UPDATE account_log SET seq = 100 WHERE seq = 1; UPDATE account_log SET seq = 1 WHERE seq = 2; UPDATE account_log SET seq = 2 WHERE seq = 100");
        Assert.Equal(3, Rows(database, "SELECT seq FROM account_log").Count);
        Assert.Equal("account_log", Assert.Throws<StoredValueCorruptException>(() => store.Load(Log.Account)).Table);
    }

    [Fact]
    public void A_device_row_moved_to_another_account_is_corrupt_not_that_accounts_device()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 56);
        var store = new SqliteDeviceRecordStore(database);
        AccountId other = ProtocolSamples.Account(4);
        store.Put(Log.Account, DeviceA);
        store.Put(other, DeviceB);
        List<object[]> rows = Rows(database, "SELECT DISTINCT account FROM device_record");
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, Execute(database, "UPDATE device_record SET account = $a", ("$a", rows[0][0])));
        Assert.Throws<StoredValueCorruptException>(() =>
        {
            store.Load(Log.Account);
            store.Load(other);
        });
    }

    [Fact]
    public void No_lookup_column_holds_an_id_in_plaintext()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 57);
        WriteAll(Stores.On(database));
        byte[][] ids = [Log.Account.ToArray(), DeviceA.Device.ToArray(), .. Log.Entries.Select(e => e.Id.ToArray())];
        foreach (string sql in new[] { "SELECT account, id FROM account_log", "SELECT account FROM contact", "SELECT account, device FROM device_record" })
        {
            foreach (object[] row in Rows(database, sql))
            {
                Assert.All(row, cell => Assert.DoesNotContain((byte[])cell, ids));
            }
        }
    }
}
