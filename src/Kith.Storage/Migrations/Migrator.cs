using System.Globalization;
using Kith.Primitives.Errors;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Migrations;

/// <summary>Brings a store's schema to the latest version, one step per transaction.</summary>
internal static class Migrator
{
    /// <summary>
    /// Applies every step after the store's <c>PRAGMA user_version</c>, in order, and returns the new version.
    /// The version is re-read inside each step's write transaction, so two processes migrating at once
    /// apply each step once. A store newer than <paramref name="migrations"/> fails with
    /// <see cref="StorageErrors.SchemaTooNew"/>; a step whose SQL fails is rolled back and throws (a Kith bug).
    /// </summary>
    public static Result<int> Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        ThrowIfMisnumbered(migrations);
        while (true)
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            int current = UserVersion(connection, transaction);
            if (current > migrations.Count)
            {
                return StorageErrors.SchemaTooNew;
            }

            if (current == migrations.Count)
            {
                transaction.Commit();
                return current;
            }

            Migration step = migrations[current];
            Execute(connection, transaction, step.Sql);
            Execute(connection, transaction, "PRAGMA user_version = " + step.Version.ToString(CultureInfo.InvariantCulture));
            transaction.Commit();
        }
    }

    /// <summary>The store's schema version (0 for a new file).</summary>
    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = new SqliteCommand("PRAGMA user_version", connection, transaction);
        return checked((int)(long)command.ExecuteScalar()!);
    }

    private static void ThrowIfMisnumbered(IReadOnlyList<Migration> migrations)
    {
        for (int i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException("Migrations are numbered 1, 2, 3, ... in list order.", nameof(migrations));
            }
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
