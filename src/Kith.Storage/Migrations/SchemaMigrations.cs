namespace Kith.Storage.Migrations;

/// <summary>
/// Every schema step Kith has shipped, in order. The schema they produce is committed in
/// <c>Schema/schema.sql</c> and a test compares the two, so a change to either is deliberate.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "Keyring and protocol state", """
            PRAGMA application_id = 1263096904;

            CREATE TABLE keyring (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                format INTEGER NOT NULL,
                kdf INTEGER NOT NULL,
                kdf_iterations INTEGER NOT NULL,
                kdf_memory_kib INTEGER NOT NULL,
                salt BLOB NOT NULL,
                nonce BLOB NOT NULL,
                wrapped_key BLOB NOT NULL
            ) STRICT;

            CREATE TABLE state (
                lookup BLOB NOT NULL PRIMARY KEY,
                value BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
