using Kith.Storage.Database;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// <see cref="NativeStatement"/>: reports changed rows as a command does, throws SQLite's errors as the
/// <see cref="SqliteException"/> a command would, and is left ready for its next use either way.
/// </summary>
public sealed class NativeStatementTests : IDisposable
{
    private const string Insert = "INSERT INTO probe (id, note) VALUES ($id, $note) ON CONFLICT (id) DO NOTHING";

    private readonly TempFolder _folder = new();
    private readonly KithDatabase _database;

    public NativeStatementTests()
    {
        _database = TestStores.Create(_folder, seed: 98);
        using SqliteConnection raw = TestStores.Raw(_database.FilePath);
        TestStores.Execute(raw, "CREATE TABLE probe (id INTEGER PRIMARY KEY, note BLOB NOT NULL CHECK (length(note) > 0))");
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    private static int Run(KithTransaction transaction, long id, byte[] note)
    {
        NativeStatement insert = transaction.PreparedNative(Insert);
        insert.Bind(1, id);
        insert.Bind(2, note);
        return insert.Execute();
    }

    [Fact]
    public void Changed_rows_are_counted_and_an_ignored_conflict_changes_none()
    {
        _database.RunInTransaction(transaction =>
        {
            Assert.Equal(1, Run(transaction, 1, [1]));
            Assert.Equal(0, Run(transaction, 1, [2]));
            Assert.Equal(1, Run(transaction, 2, [3]));
        });
        using SqliteConnection raw = TestStores.Raw(_database.FilePath);
        Assert.Equal(2L, TestStores.Scalar(raw, "SELECT count(*) FROM probe"));
        Assert.Equal(new byte[] { 1 }, TestStores.Scalar(raw, "SELECT note FROM probe WHERE id = 1"));
    }

    [Fact]
    public void A_failed_run_throws_the_sqlite_error_and_the_statement_and_transaction_go_on()
    {
        int before = _database.PreparedStatementCount;
        _database.RunInTransaction(transaction =>
        {
            SqliteException failed = Assert.Throws<SqliteException>(() => Run(transaction, 1, []));
            Assert.Equal(19, failed.SqliteErrorCode); // SQLITE_CONSTRAINT: the CHECK on note
            Assert.Equal(1, Run(transaction, 1, [1]));
        });
        _database.RunInTransaction(transaction => Assert.Equal(1, Run(transaction, 2, [2])));

        Assert.Equal(before + 1, _database.PreparedStatementCount);
        using SqliteConnection raw = TestStores.Raw(_database.FilePath);
        Assert.Equal(2L, TestStores.Scalar(raw, "SELECT count(*) FROM probe"));
    }

    [Fact]
    public void A_store_with_prepared_native_statements_closes_its_file()
    {
        _database.RunInTransaction(transaction => Assert.Equal(1, Run(transaction, 1, [1])));
        _database.Dispose();
        // Reopening and migrating needs the file closed and unlocked by the disposed store.
        using KithDatabase reopened = KithDatabase.Open(_folder.Path, TestStores.Passphrase, TestStores.Options(99)).Value;
        reopened.RunInTransaction(transaction => Assert.Equal(0, Run(transaction, 1, [2])));
    }
}
