//! `fleet.db`'s schema: an append-only list of migrations (never edit a released entry).

use super::*;

/// `fleet.db` schema. Append-only migrations.
pub static FLEET: Schema = Schema {
    name: "fleet.db",
    migrations: &["CREATE TABLE token (
            hash TEXT PRIMARY KEY NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('manager', 'driver')),
            fleet TEXT,
            driver TEXT,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        ) STRICT;
        CREATE TABLE trip (
            id TEXT PRIMARY KEY NOT NULL,
            fleet TEXT NOT NULL,
            driver TEXT,
            version INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),
            trip_number TEXT NOT NULL,
            doc TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE assignment (
            trip_id TEXT NOT NULL,
            driver TEXT NOT NULL,
            PRIMARY KEY (trip_id, driver)
        ) STRICT;
        CREATE TABLE change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            driver TEXT NOT NULL,
            trip_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'tombstone')),
            version INTEGER NOT NULL,
            reason TEXT,
            doc TEXT,
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX change_driver ON change (driver, seq);
        CREATE TABLE feed_floor (
            driver TEXT PRIMARY KEY NOT NULL,
            floor INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE device (
            device_id TEXT PRIMARY KEY NOT NULL,
            driver TEXT NOT NULL,
            platform TEXT NOT NULL,
            app_version TEXT NOT NULL,
            registered_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE event (
            server_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            device_id TEXT NOT NULL,
            driver TEXT NOT NULL,
            trip_id TEXT NOT NULL,
            trip_version_seen INTEGER NOT NULL,
            device_seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            port TEXT,
            shipment TEXT,
            inspection TEXT,
            corrects TEXT,
            note TEXT,
            occurred_at TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            skew_ms INTEGER NOT NULL,
            flags TEXT NOT NULL
        ) STRICT;
        CREATE INDEX event_trip ON event (trip_id, server_seq);
        CREATE INDEX event_device ON event (device_id, device_seq);",
        // 2: drivers belong to fleets (a roster); assignments end; the database has an epoch
        // that every feed cursor carries (a cursor from another database, or from before a
        // restore of a backup made by `crossing-fleet backup`, is refused with 410).
        "CREATE TABLE roster (
            fleet TEXT NOT NULL,
            driver TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (fleet, driver)
        ) STRICT;
        INSERT OR IGNORE INTO roster (fleet, driver, added_at)
            SELECT DISTINCT t.fleet, a.driver, t.updated_at
            FROM assignment a JOIN trip t ON t.id = a.trip_id;
        ALTER TABLE assignment ADD COLUMN ended_at TEXT;
        UPDATE assignment SET ended_at = (SELECT updated_at FROM trip WHERE trip.id = assignment.trip_id)
            WHERE driver IS NOT (SELECT driver FROM trip WHERE trip.id = assignment.trip_id);
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT;
        INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(8))));
        ALTER TABLE trip ADD COLUMN created_at TEXT;
        UPDATE trip SET created_at = updated_at;",
        // 3: trip ids are per fleet. A trip is (fleet, id); its `key`, `<fleet>:<id>`, is the
        // identity the driver's phone sees and what assignments, the change log and events
        // refer to. The epoch is renewed: every phone re-pulls a snapshot with the new ids.
        "CREATE TABLE trip_v3 (
            key TEXT PRIMARY KEY NOT NULL,
            fleet TEXT NOT NULL,
            id TEXT NOT NULL,
            driver TEXT,
            version INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),
            trip_number TEXT NOT NULL,
            doc TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            created_at TEXT,
            UNIQUE (fleet, id)
        ) STRICT;
        INSERT INTO trip_v3 (key, fleet, id, driver, version, state, trip_number, doc, updated_at, created_at)
            SELECT fleet || ':' || id, fleet, id, driver, version, state, trip_number, doc, updated_at, created_at
            FROM trip;
        UPDATE assignment SET trip_id = (SELECT key FROM trip_v3 WHERE trip_v3.id = assignment.trip_id);
        UPDATE change SET trip_id = (SELECT key FROM trip_v3 WHERE trip_v3.id = change.trip_id);
        UPDATE event SET trip_id = (SELECT key FROM trip_v3 WHERE trip_v3.id = event.trip_id);
        DROP TABLE trip;
        ALTER TABLE trip_v3 RENAME TO trip;
        CREATE INDEX trip_driver ON trip (driver, key);
        UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'epoch';",
        // 4: customs' answers (imported from the fleet's eManifest provider) and the documents
        // they came in; each trip's derived customs standing; and a third kind of feed entry,
        // `customs`. The change log is rebuilt for its new CHECK, keeping every position and the
        // sequence's top (cursors stay valid: the epoch is kept).
        "CREATE TABLE change_v4 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            driver TEXT NOT NULL,
            trip_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'tombstone', 'customs')),
            version INTEGER NOT NULL,
            reason TEXT,
            doc TEXT,
            at TEXT NOT NULL
        ) STRICT;
        INSERT INTO change_v4 (seq, driver, trip_id, op, version, reason, doc, at)
            SELECT seq, driver, trip_id, op, version, reason, doc, at FROM change;
        CREATE TEMP TABLE change_top AS
            SELECT coalesce(max(seq), 0) AS seq FROM
                (SELECT seq FROM sqlite_sequence WHERE name = 'change'
                 UNION ALL SELECT max(seq) FROM change);
        DROP TABLE change;
        ALTER TABLE change_v4 RENAME TO change;
        DELETE FROM sqlite_sequence WHERE name IN ('change', 'change_v4');
        INSERT INTO sqlite_sequence (name, seq) SELECT 'change', seq FROM change_top;
        DROP TABLE change_top;
        CREATE INDEX change_driver ON change (driver, seq);
        CREATE TABLE provider_document (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            fleet TEXT NOT NULL,
            trip_key TEXT,
            data TEXT NOT NULL,
            body TEXT NOT NULL,
            received_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX provider_document_trip ON provider_document (trip_key, seq);
        CREATE TABLE customs_answer (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            trip_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            source TEXT NOT NULL,
            code TEXT NOT NULL,
            signal TEXT,
            text TEXT,
            customs_time TEXT,
            received_at TEXT NOT NULL,
            document INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX customs_answer_trip ON customs_answer (trip_key, seq);
        CREATE TABLE customs_state (
            key TEXT PRIMARY KEY NOT NULL,
            doc TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;",
        // 5: the web console. Browser sessions (only the SHA-256 of the session id is kept; a
        // session lives as long as the manager token it was opened with), the audit log of what
        // managers did through it, every version of every trip (for the diff of each
        // amendment), and when each assignment began.
        "CREATE TABLE session (
            id_hash TEXT PRIMARY KEY NOT NULL,
            token_hash TEXT NOT NULL,
            fleet TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            board_seen_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX session_token ON session (token_hash);
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            fleet TEXT NOT NULL,
            session TEXT NOT NULL,
            action TEXT NOT NULL,
            trip_id TEXT,
            detail TEXT NOT NULL,
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_trip ON audit (fleet, trip_id, seq);
        CREATE TABLE trip_version (
            key TEXT NOT NULL,
            version INTEGER NOT NULL,
            doc TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (key, version)
        ) STRICT;
        INSERT INTO trip_version (key, version, doc, at) SELECT key, version, doc, updated_at FROM trip;
        ALTER TABLE assignment ADD COLUMN started_at TEXT;"],
};
