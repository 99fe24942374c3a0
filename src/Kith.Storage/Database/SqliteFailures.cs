using Kith.Primitives.Errors;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>
/// Turns the SQLite failures that describe the file (not a database, corrupted, locked) into errors.
/// Everything else (disk full, I/O errors) stays an exception: nothing a caller can decide on.
/// </summary>
internal static class SqliteFailures
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static bool IsAboutTheFile(SqliteException exception) => ToError(exception) is not null;

    public static KithError? ToError(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        SqliteNotADatabase => StorageErrors.NotAKithDatabase,
        SqliteCorrupt => StorageErrors.Corrupt,
        SqliteBusy or SqliteLocked => StorageErrors.Busy,
        _ => null,
    };
}
