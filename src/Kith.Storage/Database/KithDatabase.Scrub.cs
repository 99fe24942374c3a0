using Microsoft.Data.Sqlite;

namespace Kith.Storage.Database;

/// <summary>
/// Deleted content leaves the files, not only the tables (Messaging README, decision 8). <c>secure_delete</c>
/// (ConnectionSetup) zeroes a deleted row's cells in the page SQLite writes next, but in WAL mode that page goes
/// to the WAL while the main file and earlier WAL frames still hold the old one
/// (https://sqlite.org/wal.html, "Checkpointing"); a truncating checkpoint after the commit copies the zeroed
/// pages into the main file and empties the WAL.
/// </summary>
public sealed partial class KithDatabase
{
    private bool _scrubAfterCommit;

    /// <summary>
    /// Asks for a truncating checkpoint once the running transaction commits: a store calls it after deleting
    /// content that must not linger. Rolled back, the request is dropped with the deletion.
    /// </summary>
    internal void ScrubAfterCommit() => _scrubAfterCommit = true;

    /// <summary>Runs the asked-for checkpoint after a commit (the gate is held); a rollback drops the request.</summary>
    private void ScrubIfAsked(bool committed)
    {
        if (!_scrubAfterCommit)
        {
            return;
        }

        _scrubAfterCommit = false;
        if (!committed)
        {
            return;
        }

        try
        {
            using var command = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", _connection);
            _ = command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The commit stands; the checkpoint is retried after the next commit rather than failing this one.
            _scrubAfterCommit = true;
        }
    }
}
