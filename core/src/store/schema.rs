//! The two database schemas: the trip cache and the event outbox.
//!
//! They live in separate files so that wiping the cache (a server-authoritative copy the
//! phone may throw away and pull again) can never touch the driver's recorded events.
//! Migrations are append-only: never edit a released entry, add a new one.

use crate::db::Schema;

/// `cache.db`: trips as the fleet last sent them. `synchronous = NORMAL`, wipeable.
pub static CACHE: Schema = Schema {
    name: "cache.db",
    migrations: &[
        // v1: trips, with the manifest as its trip document. `manifest` is NULL for a
        // tombstone (cancelled / unassigned / purged): the row tells the driver what happened.
        "CREATE TABLE trip (
            id TEXT PRIMARY KEY NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            regime TEXT NOT NULL CHECK (regime IN ('ACI', 'ACE')),
            trip_number TEXT NOT NULL,
            port_of_entry TEXT NOT NULL,
            eta_local TEXT NOT NULL,
            eta_zone TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'cancelled', 'unassigned', 'finished')),
            manifest TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            received_at TEXT NOT NULL,
            state_changed_at TEXT
        ) STRICT;
        CREATE INDEX trip_state_eta ON trip (state, eta_local);",
        // v2: sync. The feed cursor (saved in the same transaction as the page it applies), the
        // snapshot generation used to find trips no longer assigned, and the manifest the driver
        // last acknowledged (or first received) to show what an amendment changed.
        "CREATE TABLE sync_cursor (
            feed TEXT PRIMARY KEY NOT NULL,
            cursor TEXT NOT NULL
        ) STRICT;
        ALTER TABLE trip ADD COLUMN seen_gen INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE trip ADD COLUMN base_version INTEGER;
        ALTER TABLE trip ADD COLUMN base_manifest TEXT;",
        // v3: where customs stands for each trip (and its shipments), as the fleet's `customs`
        // feed entries last said. Beside the trip, never in it: no version, no amendment.
        "CREATE TABLE customs (
            trip_id TEXT PRIMARY KEY NOT NULL,
            doc TEXT NOT NULL,
            received_at TEXT NOT NULL
        ) STRICT;",
    ],
};

/// `outbox.db`: status events recorded on this device. `synchronous = FULL`, never wiped.
pub static OUTBOX: Schema = Schema {
    name: "outbox.db",
    migrations: &[
        // v1: the device identity and sequence counter, and the append-only event log.
        "CREATE TABLE device (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            device_id TEXT NOT NULL,
            next_seq INTEGER NOT NULL CHECK (next_seq >= 1)
        ) STRICT;
        CREATE TABLE event (
            event_id TEXT PRIMARY KEY NOT NULL,
            device_seq INTEGER NOT NULL UNIQUE,
            trip_id TEXT NOT NULL,
            trip_version_seen INTEGER NOT NULL,
            kind TEXT NOT NULL,
            port TEXT,
            shipment TEXT,
            inspection TEXT,
            corrects TEXT,
            note TEXT,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            sent_at TEXT
        ) STRICT;
        CREATE INDEX event_pending ON event (device_seq) WHERE state = 'pending';
        CREATE INDEX event_trip ON event (trip_id, device_seq);
        -- Facts are immutable: only delivery bookkeeping may change.
        CREATE TRIGGER event_facts_immutable
        BEFORE UPDATE OF event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment,
                         inspection, corrects, note, occurred_at, recorded_at ON event
        BEGIN SELECT RAISE(ABORT, 'status events are immutable; record a correction instead'); END;
        -- An event leaves only after the server acknowledged it.
        CREATE TRIGGER event_pending_kept
        BEFORE DELETE ON event WHEN old.state = 'pending'
        BEGIN SELECT RAISE(ABORT, 'a pending status event cannot be deleted'); END;",
        // v2: sync bookkeeping (device registration, last sync state).
        "CREATE TABLE sync_meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT;",
        // v3: what recording needs to know of a trip (version, port, shipment numbers; no
        // personal data), kept beside the events so a damaged or wiped cache never stops the
        // driver from recording.
        "CREATE TABLE trip_context (
            trip_id TEXT PRIMARY KEY NOT NULL,
            version INTEGER NOT NULL,
            port_of_entry TEXT NOT NULL,
            shipments TEXT NOT NULL
        ) STRICT;",
    ],
};
