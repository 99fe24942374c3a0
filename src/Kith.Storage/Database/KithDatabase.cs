using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Storage.Encryption;
using Kith.Storage.Keyring;
using Kith.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>
/// A device's encrypted store: one SQLite file (<see cref="FileName"/>) in a folder, in WAL mode, migrated to
/// the latest schema, whose values are encrypted under a data key that the person's passphrase unwraps
/// (ARCHITECTURE.md, <c>Kith.Storage</c>; issue 4, "Storage").
/// </summary>
/// <remarks>
/// All work goes through transactions (<see cref="RunInTransaction(Action{KithTransaction})"/> and friends),
/// one at a time over a single connection: a protocol step commits its new state and its outgoing
/// messages together. Only one process should open a folder's store at a time (the node holds a lock
/// on its data folder); SQLite's locks keep a second one from corrupting it, not from forking its state.
/// </remarks>
public sealed partial class KithDatabase : IDisposable
{
    /// <summary>The store's file name inside its folder.</summary>
    public const string FileName = "kith.db";

    private readonly SqliteConnection _connection;
    private readonly StorageKeys _keys;
    private readonly KithDatabaseOptions _options;
    private readonly StatementCache _statements;

    private KithDatabase(string filePath, SqliteConnection connection, StorageKeys keys, KithDatabaseOptions options)
    {
        FilePath = filePath;
        _connection = connection;
        _keys = keys;
        _statements = new StatementCache(connection);
        _options = options;
        Values = new ValueCipher(keys.ValueKey, options.Random);
        Index = new BlindIndex(keys.IndexKey);
    }

    /// <summary>The SQLite file's full path (its WAL and shared-memory files sit beside it).</summary>
    public string FilePath { get; }

    /// <summary>Encrypts and decrypts stored values.</summary>
    public ValueCipher Values { get; }

    /// <summary>Computes blind indexes for equality lookups.</summary>
    public BlindIndex Index { get; }

    /// <summary>How many distinct statements the connection keeps prepared (<see cref="StatementCache"/>).</summary>
    internal int PreparedStatementCount => RunInTransaction(_ => _statements.Count);

    /// <summary>The connection's <c>PRAGMA wal_autocheckpoint</c> (tests check it is <see cref="Primitives.Limits.WalCheckpointPages"/>).</summary>
    internal long WalAutocheckpointPages => RunInTransaction(transaction => (long)transaction.Prepared("PRAGMA wal_autocheckpoint").ExecuteScalar()!);

    /// <summary>The schema version the store is at.</summary>
    public int SchemaVersion => RunInTransaction(transaction => Migrator.UserVersion(transaction.Connection, transaction.Transaction));

    /// <summary>
    /// Creates a store in <paramref name="folder"/> (created if missing, owner-only) under a new random data
    /// key wrapped with <paramref name="passphrase"/> (UTF-8). A folder holding only an interrupted creation
    /// is reused; one holding a store fails with <see cref="StorageErrors.AlreadyExists"/>.
    /// </summary>
    public static Result<KithDatabase> Create(string folder, ReadOnlySpan<byte> passphrase, KithDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= KithDatabaseOptions.Default;
        CreateFolder(folder);
        string path = Path.GetFullPath(Path.Combine(folder, FileName));
        ConnectionSetup.CreateFileIfMissing(path);
        if (!OpenConfigured(path, options).TryGet(out SqliteConnection? connection, out KithError? error))
        {
            return error;
        }

        try
        {
            // An existing store is refused before anything (a migration) could touch it.
            if (Migrator.UserVersion(connection) >= 1 && KeyringTable.Load(connection) is not null)
            {
                connection.Dispose();
                return StorageErrors.AlreadyExists;
            }

            if (!Migrator.Migrate(connection, SchemaMigrations.All).TryGet(out _, out error))
            {
                connection.Dispose();
                return error;
            }

            using SecretBytes dataKey = SecretBytes.Random(StorageKeys.KeySize, options.Random);
            if (!DataKeyWrapping.Wrap(dataKey, passphrase, options.KdfParameters, options.Random).TryGet(out WrappedDataKey? record, out error))
            {
                connection.Dispose();
                return error;
            }

            if (!KeyringTable.TryInsert(connection, record))
            {
                connection.Dispose();
                return StorageErrors.AlreadyExists;
            }

            return new KithDatabase(path, connection, StorageKeys.Derive(dataKey), options);
        }
        catch (SqliteException exception) when (SqliteFailures.IsAboutTheFile(exception))
        {
            connection.Dispose();
            return SqliteFailures.ToError(exception)!;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the store in <paramref name="folder"/> with <paramref name="passphrase"/> (UTF-8), migrating it if an
    /// older Kith wrote it. The passphrase is checked before any migration runs, so a wrong one fails with
    /// <see cref="StorageErrors.WrongPassphrase"/> and changes nothing.
    /// </summary>
    public static Result<KithDatabase> Open(string folder, ReadOnlySpan<byte> passphrase, KithDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= KithDatabaseOptions.Default;
        string path = Path.GetFullPath(Path.Combine(folder, FileName));
        if (!File.Exists(path))
        {
            return StorageErrors.NotFound;
        }

        if (!OpenConfigured(path, options).TryGet(out SqliteConnection? connection, out KithError? error))
        {
            return error;
        }

        try
        {
            // The keyring table is created by the first step and its layout never changes (a new layout
            // would be a new table), so it can be read before migrating.
            int version = Migrator.UserVersion(connection);
            if (version > SchemaMigrations.All.Count)
            {
                connection.Dispose();
                return StorageErrors.SchemaTooNew;
            }

            WrappedDataKey? record = version == 0 ? null : KeyringTable.Load(connection);
            if (record is null)
            {
                connection.Dispose();
                return StorageErrors.NotFound;
            }

            if (!DataKeyWrapping.Unwrap(record, passphrase).TryGet(out SecretBytes? dataKey, out error))
            {
                connection.Dispose();
                return error;
            }

            using (dataKey)
            {
                if (!Migrator.Migrate(connection, SchemaMigrations.All).TryGet(out _, out error))
                {
                    connection.Dispose();
                    return error;
                }

                return new KithDatabase(path, connection, StorageKeys.Derive(dataKey), options);
            }
        }
        catch (SqliteException exception) when (SqliteFailures.IsAboutTheFile(exception))
        {
            connection.Dispose();
            return SqliteFailures.ToError(exception)!;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file, refuses other applications' databases before writing anything, and sets the pragmas.</summary>
    private static Result<SqliteConnection> OpenConfigured(string path, KithDatabaseOptions options)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = ConnectionSetup.Open(path, options.BusyTimeout);
            if (!ConnectionSetup.CheckOwnership(connection).TryGet(out _, out KithError? error))
            {
                connection.Dispose();
                return error;
            }

            ConnectionSetup.ApplyPragmas(connection, options.PageCacheKiB);
            return connection;
        }
        catch (SqliteException exception) when (SqliteFailures.IsAboutTheFile(exception))
        {
            connection?.Dispose();
            return SqliteFailures.ToError(exception)!;
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Names the file, never a key.</summary>
    public override string ToString() => $"KithDatabase({FilePath})";
}
