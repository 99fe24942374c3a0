using Kith.Storage.Migrations;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Database;

public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteConnection _connection;

    public MigrationTests() => _connection = TestStores.Raw(_folder.File("migrations.db"));

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    private static readonly Migration[] Steps =
    [
        new(1, "log", "CREATE TABLE log (step INTEGER NOT NULL)"),
        new(2, "second", "INSERT INTO log VALUES (2)"),
        new(3, "third", "INSERT INTO log VALUES (3); CREATE TABLE third (x INTEGER)"),
    ];

    private List<long> Log()
    {
        using var command = new SqliteCommand("SELECT step FROM log ORDER BY rowid", _connection);
        using SqliteDataReader reader = command.ExecuteReader();
        var steps = new List<long>();
        while (reader.Read())
        {
            steps.Add(reader.GetInt64(0));
        }

        return steps;
    }

    [Fact]
    public void Steps_run_in_order_once_and_set_the_user_version()
    {
        Assert.Equal(3, Migrator.Migrate(_connection, Steps).Value);
        Assert.Equal([2, 3], Log());
        Assert.Equal(3, Migrator.UserVersion(_connection));
    }

    [Fact]
    public void Migrating_again_changes_nothing()
    {
        Migrator.Migrate(_connection, Steps);
        Assert.Equal(3, Migrator.Migrate(_connection, Steps).Value);
        Assert.Equal(3, Migrator.Migrate(_connection, Steps).Value);
        Assert.Equal([2, 3], Log());
    }

    [Fact]
    public void A_store_at_an_older_version_gets_only_the_later_steps()
    {
        Assert.Equal(2, Migrator.Migrate(_connection, Steps[..2]).Value);
        Assert.Equal([2], Log());
        Assert.Equal(3, Migrator.Migrate(_connection, Steps).Value);
        Assert.Equal([2, 3], Log());
    }

    [Fact]
    public void A_failing_step_is_rolled_back_whole_and_earlier_steps_stay()
    {
        Migration[] broken = [.. Steps[..2], new(3, "broken", "INSERT INTO log VALUES (3); INSERT INTO missing VALUES (1)")];
        Assert.Throws<SqliteException>(() => Migrator.Migrate(_connection, broken));
        Assert.Equal(2, Migrator.UserVersion(_connection));
        Assert.Equal([2], Log());
        Assert.Equal(3, Migrator.Migrate(_connection, Steps).Value);
        Assert.Equal([2, 3], Log());
    }

    [Fact]
    public void A_store_newer_than_the_known_steps_is_refused_unchanged()
    {
        Migrator.Migrate(_connection, Steps);
        Assert.Equal(StorageErrors.SchemaTooNew, Migrator.Migrate(_connection, Steps[..2]).Error);
        Assert.Equal(3, Migrator.UserVersion(_connection));
    }

    [Fact]
    public void Misnumbered_step_lists_are_caller_bugs()
    {
        Assert.Throws<ArgumentException>(() => Migrator.Migrate(_connection, [Steps[1], Steps[0]]));
        Assert.Throws<ArgumentException>(() => Migrator.Migrate(_connection, [Steps[0], Steps[2]]));
        Assert.Equal(0, Migrator.UserVersion(_connection));
    }

    [Fact]
    public void The_shipped_steps_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }
}
