using System.Globalization;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>Opens the store file and sets the pragmas every Kith connection runs with.</summary>
internal static class ConnectionSetup
{
    /// <summary><c>PRAGMA application_id</c> of a Kith store: "KITH" in ASCII, so other tools can tell what the file is.</summary>
    public const int ApplicationId = 0x4B495448;

    /// <summary>Creates the file readable by its owner only (SQLite gives the WAL and shared-memory files the same mode).</summary>
    public static void CreateFileIfMissing(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(path, options);
    }

    public static SqliteConnection Open(string path, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            // Pooling would keep the file open after Dispose; a closed store must really be closed.
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses files that are SQLite databases of another application, before anything writes to them.
    /// A new file (application id 0, user version 0, no tables) is Kith's to initialise.
    /// </summary>
    public static Result<Unit> CheckOwnership(SqliteConnection connection)
    {
        long applicationId = Scalar(connection, "PRAGMA application_id");
        if (applicationId == ApplicationId)
        {
            return Result.Ok();
        }

        bool empty = applicationId == 0 && Scalar(connection, "PRAGMA user_version") == 0 &&
                     Scalar(connection, "SELECT count(*) FROM sqlite_schema") == 0;
        return empty ? Result.Ok() : StorageErrors.NotAKithDatabase;
    }

    /// <summary>
    /// The pragmas, each for a reason:
    /// WAL lets readers run beside the writer and makes a commit one append;
    /// <c>synchronous = FULL</c> syncs the WAL at every commit, because effects (messages sent) follow a commit
    /// and a commit lost to a power cut after its message left would roll a ratchet back and reuse its keys
    /// (NORMAL only survives application crashes);
    /// foreign keys are checked; <c>secure_delete</c> overwrites deleted content in the file;
    /// temporary tables stay in memory; <c>trusted_schema = OFF</c> keeps functions in the schema from running;
    /// <c>cell_size_check</c> finds corruption on read rather than later; checkpoints run every
    /// <see cref="Limits.WalCheckpointPages"/> WAL pages rather than SQLite's 1,000, so pages rewritten by every
    /// commit are copied into the file less often; the page cache is as large as the options say
    /// (<see cref="KithDatabaseOptions.PageCacheKiB"/>).
    /// </summary>
    public static void ApplyPragmas(SqliteConnection connection, int pageCacheKiB)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageCacheKiB);
        using var journal = new SqliteCommand("PRAGMA journal_mode = WAL", connection);
        string mode = (string)journal.ExecuteScalar()!;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("SQLite refused WAL mode for the store.");
        }

        Execute(connection, """
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA secure_delete = ON;
            PRAGMA temp_store = MEMORY;
            PRAGMA trusted_schema = OFF;
            PRAGMA cell_size_check = ON;
            """);
        Execute(connection, "PRAGMA wal_autocheckpoint = " + Limits.WalCheckpointPages.ToString(CultureInfo.InvariantCulture));
        // A negative cache_size is a size in KiB rather than in pages.
        Execute(connection, "PRAGMA cache_size = -" + pageCacheKiB.ToString(CultureInfo.InvariantCulture));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
