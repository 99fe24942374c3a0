-- The schema a fresh Kith store has after every migration (Migrations/SchemaMigrations.cs).
-- SchemaTests compares this file with sqlite_schema (whitespace normalised), so a schema change
-- is made twice on purpose: as a new migration step and here.
-- user_version: 1
-- application_id: 1263096904

-- The data key, wrapped under the passphrase (Keyring/WrappedDataKey.cs). One row.
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

-- Protocol state blobs (Stores/SqliteStateStore.cs): lookup is a blind index of (kind, key),
-- value is encrypted with lookup as its row key.
CREATE TABLE state (
    lookup BLOB NOT NULL PRIMARY KEY,
    value BLOB NOT NULL
) STRICT, WITHOUT ROWID;
