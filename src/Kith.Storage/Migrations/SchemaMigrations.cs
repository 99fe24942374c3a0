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
        new(2, "Account logs, contacts and contact device records", """
            CREATE TABLE account_log (
                account BLOB NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                id BLOB NOT NULL UNIQUE,
                entry BLOB NOT NULL,
                PRIMARY KEY (account, seq)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE contact (
                account BLOB NOT NULL PRIMARY KEY,
                record BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE device_record (
                device BLOB NOT NULL PRIMARY KEY,
                account BLOB NOT NULL,
                record BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE INDEX device_record_by_account ON device_record (account);
            """),
        new(3, "Device sessions", """
            CREATE TABLE session (
                pair BLOB NOT NULL PRIMARY KEY,
                state BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            """),
        new(4, "Conversation events", """
            CREATE TABLE conversation_event (
                conversation BLOB NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                id BLOB NOT NULL UNIQUE,
                event BLOB NOT NULL,
                PRIMARY KEY (conversation, seq)
            ) STRICT, WITHOUT ROWID;
            """),
        new(5, "Shown messages (the decrypted store)", """
            CREATE TABLE message (
                id BLOB NOT NULL PRIMARY KEY,
                conversation BLOB NOT NULL,
                position INTEGER NOT NULL CHECK (position >= 0),
                message BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE INDEX message_by_position ON message (conversation, position);
            """),
        new(6, "Delivery outbox", """
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
            """),
        // The events move to a rowid table: rows arrive in rowid order, so the table is appended to at its end,
        // and the id index holds (id, rowid) instead of (id, conversation, seq). Appends cost about a third less
        // (bench/ sync and event-store groups). Every row keeps its seq, which its value's row key binds.
        new(7, "Conversation events in a rowid table", """
            ALTER TABLE conversation_event RENAME TO conversation_event_v4;

            CREATE TABLE conversation_event (
                conversation BLOB NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                id BLOB NOT NULL UNIQUE,
                event BLOB NOT NULL
            ) STRICT;

            CREATE UNIQUE INDEX conversation_event_by_seq ON conversation_event (conversation, seq);

            INSERT INTO conversation_event (conversation, seq, id, event)
                SELECT conversation, seq, id, event FROM conversation_event_v4 ORDER BY conversation, seq;

            DROP TABLE conversation_event_v4;
            """),
        // Event ids lose their own index. Ids are random keys, so every append wrote a random leaf of it, and a
        // batch of N appends rewrote about N pages at its commit (the largest cost of a batched durable send:
        // 26,000/s with it, 38,000/s without, bench/ event-store). The store mirrors its conversation's log, which
        // accepts each id once, so the store need not look ids up on append; the rare lookups by id (a deletion)
        // read the conversation's entries of conversation_event_by_seq, which now carries the id.
        new(8, "Conversation event ids without an index of their own", """
            ALTER TABLE conversation_event RENAME TO conversation_event_v7;
            DROP INDEX conversation_event_by_seq;

            CREATE TABLE conversation_event (
                conversation BLOB NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                id BLOB NOT NULL,
                event BLOB NOT NULL
            ) STRICT;

            CREATE UNIQUE INDEX conversation_event_by_seq ON conversation_event (conversation, seq, id);

            INSERT INTO conversation_event (conversation, seq, id, event)
                SELECT conversation, seq, id, event FROM conversation_event_v7 ORDER BY rowid;

            DROP TABLE conversation_event_v7;
            """),
    ];
}
