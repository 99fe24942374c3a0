-- The schema a fresh Kith store has after every migration (Migrations/SchemaMigrations.cs).
-- SchemaTests compares this file with sqlite_schema (whitespace normalised), so a schema change
-- is made twice on purpose: as a new migration step and here.
-- user_version: 8
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

-- Account logs, the own account's and every contact's (Stores/SqliteAccountLogStore.cs). account is a
-- blind index of the account id, id a blind index of (account, entry id); entry is encrypted with
-- id || seq as its row key, so entries cannot be moved between rows or reordered.
CREATE TABLE account_log (
    account BLOB NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    id BLOB NOT NULL UNIQUE,
    entry BLOB NOT NULL,
    PRIMARY KEY (account, seq)
) STRICT, WITHOUT ROWID;

-- Contact records (Stores/SqliteContactStore.cs): account is a blind index of the account id, record is
-- encrypted with account as its row key.
CREATE TABLE contact (
    account BLOB NOT NULL PRIMARY KEY,
    record BLOB NOT NULL
) STRICT, WITHOUT ROWID;

-- Contact devices' latest records (Stores/SqliteDeviceRecordStore.cs): device is a blind index of
-- (account, device id), account a blind index of the account id; record is encrypted with device as its
-- row key.
CREATE TABLE device_record (
    device BLOB NOT NULL PRIMARY KEY,
    account BLOB NOT NULL,
    record BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX device_record_by_account ON device_record (account);

-- Device sessions (Stores/SqliteSessionStore.cs): pair is a blind index of (local device, peer device),
-- state (DeviceSession.Serialize, ratchet secrets included) is encrypted with pair as its row key.
CREATE TABLE session (
    pair BLOB NOT NULL PRIMARY KEY,
    state BLOB NOT NULL
) STRICT, WITHOUT ROWID;

-- Shown messages, the decrypted store (Stores/SqliteMessageStore.cs): id is a blind index of (conversation,
-- event id), conversation a blind index of the conversation id; position (the display order) is plain so that
-- message_by_position makes the latest page an index range scan. message (event id, author, timestamp,
-- content) is encrypted with id as its row key.
CREATE TABLE message (
    id BLOB NOT NULL PRIMARY KEY,
    conversation BLOB NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    message BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX message_by_position ON message (conversation, position);

-- The delivery outbox (Stores/SqliteOutboxStore.cs): one row per (item, recipient device); seq is enqueue
-- order, id a blind index of (item, recipient), item and recipient blind indexes for the listings; entry
-- (ids, kind, payload, times, attempts, state) is encrypted with id as its row key. state and next_attempt
-- are plain copies for the due-entry scan (they show when the device retries, not to whom or what); a row
-- whose copies disagree with its entry reads as corrupt.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE,
    item BLOB NOT NULL,
    recipient BLOB NOT NULL,
    state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
    next_attempt INTEGER NOT NULL,
    entry BLOB NOT NULL
) STRICT;

CREATE INDEX outbox_due ON outbox (state, next_attempt, seq);

CREATE INDEX outbox_by_recipient ON outbox (recipient, state, seq);

CREATE INDEX outbox_by_item ON outbox (item, seq);

-- Conversation events in arrival order (Stores/SqliteEventStore.cs): conversation is a blind index of the
-- conversation id, seq the arrival position within it, id a blind index of (conversation, event id); event
-- (the signed encoding) is encrypted with id || seq as its row key, so an event cannot be moved to another
-- conversation, another id or another position. A rowid table (migration 7): rows are appended at the table's
-- end. Ids have no index of their own (migration 8): an index of random keys takes a random page write per
-- append, and the store mirrors its conversation's log, which accepts each id once. The by-seq index carries
-- the id, so a lookup by id (a deletion) reads only that conversation's index entries.
CREATE TABLE conversation_event (
    conversation BLOB NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    id BLOB NOT NULL,
    event BLOB NOT NULL
) STRICT;

CREATE UNIQUE INDEX conversation_event_by_seq ON conversation_event (conversation, seq, id);
