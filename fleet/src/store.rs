//! The fleet server's SQLite storage: tokens (hashed), trips, assignments, the per-driver change
//! log, devices and status events. Every write is one transaction: nothing is half-written.

use chrono::{DateTime, Utc};
use crossing_sqlite::{self as db, Durability, Schema};
use crossing_trip::protocol::{
    Change, ChangeOp, ChangesPage, EventResult, EventsUpload, ResultStatus, TombstoneReason,
    WireEvent,
};
use crossing_trip::{format, validate, Trip};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{ApiFailure, Fail};

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
        UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'epoch';"],
};

/// Who a bearer token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A fleet manager of this fleet.
    Manager {
        /// Fleet id.
        fleet: String,
    },
    /// A driver.
    Driver {
        /// Driver id.
        driver: String,
    },
}

/// Role of a new token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewToken {
    /// Manager of a fleet.
    Manager(String),
    /// A driver.
    Driver(String),
}

/// A stored time stamp: RFC 3339 UTC with milliseconds. Every "now" of the server comes from
/// its clock (`Config::clock`) through the callers of this module.
fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// SHA-256 of a token, hex. Only hashes are stored.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Opens (creating, migrating) the server database.
pub fn open(path: &std::path::Path) -> Result<Connection, crossing_sqlite::Error> {
    db::open(path, &FLEET, Durability::Full)
}

fn id_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:-".contains(c))
}

/// Creates a token and returns it (shown once; only its hash is kept).
pub fn create_token(conn: &Connection, who: &NewToken, now: DateTime<Utc>) -> Result<String, Fail> {
    let (role, fleet, driver, prefix) = match who {
        NewToken::Manager(f) => ("manager", Some(f.as_str()), None, "crm_"),
        NewToken::Driver(d) => ("driver", None, Some(d.as_str()), "crd_"),
    };
    let id = fleet.or(driver).unwrap_or_default();
    if !id_ok(id) {
        return Err(ApiFailure::invalid(
            if fleet.is_some() { "fleet" } else { "driver" },
            "must be 1–64 letters, digits or . _ : -",
        ));
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ApiFailure::internal(format!("random: {e}")))?;
    let token = format!("{prefix}{}", hex::encode(bytes));
    conn.execute(
        "INSERT INTO token (hash, role, fleet, driver, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash_token(&token), role, fleet, driver, stamp(now)],
    )?;
    Ok(token)
}

/// Puts a driver on a fleet's roster (idempotent). Only drivers on its roster can be given a
/// fleet's trips; a driver may be on several fleets' rosters. This is an operator action (the
/// `crossing-fleet` command line with the database), never a manager's API call: a manager
/// who could add any driver id could put trips on another fleet's drivers.
pub fn add_to_roster(
    conn: &Connection,
    fleet: &str,
    driver: &str,
    now: DateTime<Utc>,
) -> Result<(), Fail> {
    for (field, id) in [("fleet", fleet), ("driver", driver)] {
        if !id_ok(id) {
            return Err(ApiFailure::invalid(
                field,
                "must be 1–64 letters, digits or . _ : -",
            ));
        }
    }
    conn.execute(
        "INSERT OR IGNORE INTO roster (fleet, driver, added_at) VALUES (?1, ?2, ?3)",
        params![fleet, driver, stamp(now)],
    )?;
    Ok(())
}

/// Refuses a driver who is not on the fleet's roster (the same answer whether or not the
/// driver exists elsewhere: nothing about other fleets leaks).
fn check_roster(conn: &Connection, fleet: &str, driver: &str) -> Result<(), Fail> {
    if !id_ok(driver) {
        return Err(ApiFailure::invalid(
            "driver",
            "must be 1–64 letters, digits or . _ : -",
        ));
    }
    let on: bool = conn
        .query_row(
            "SELECT 1 FROM roster WHERE fleet = ?1 AND driver = ?2",
            params![fleet, driver],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if on {
        Ok(())
    } else {
        Err(ApiFailure::not_found(
            "driver",
            "is not a driver of this fleet (crossing-fleet roster add)",
        ))
    }
}

/// Starts (or restarts) a driver's assignment to a trip.
fn begin_assignment(tx: &Connection, trip_id: &str, driver: &str) -> Result<(), Fail> {
    tx.execute(
        "INSERT INTO assignment (trip_id, driver) VALUES (?1, ?2)
         ON CONFLICT (trip_id, driver) DO UPDATE SET ended_at = NULL",
        params![trip_id, driver],
    )?;
    Ok(())
}

/// Ends a driver's assignment to a trip (the trip was given to someone else or taken away).
fn end_assignment(tx: &Connection, trip_id: &str, driver: &str, at: &str) -> Result<(), Fail> {
    tx.execute(
        "UPDATE assignment SET ended_at = ?3 WHERE trip_id = ?1 AND driver = ?2 AND ended_at IS NULL",
        params![trip_id, driver, at],
    )?;
    Ok(())
}

/// Revokes a token. Returns whether it existed.
pub fn revoke_token(conn: &Connection, token: &str, now: DateTime<Utc>) -> Result<bool, Fail> {
    let n = conn.execute(
        "UPDATE token SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL",
        params![hash_token(token), stamp(now)],
    )?;
    Ok(n == 1)
}

/// Finds the principal of a token, if it is valid and not revoked.
pub fn authenticate(conn: &Connection, token: &str) -> Result<Option<Principal>, Fail> {
    let row: Option<(String, Option<String>, Option<String>)> = conn
        .query_row(
            "SELECT role, fleet, driver FROM token WHERE hash = ?1 AND revoked_at IS NULL",
            params![hash_token(token)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match row {
        Some((role, Some(fleet), _)) if role == "manager" => Some(Principal::Manager { fleet }),
        Some((role, _, Some(driver))) if role == "driver" => Some(Principal::Driver { driver }),
        _ => None,
    })
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PushOutcome {
    /// Trip id.
    pub id: String,
    /// Stored version.
    pub version: i64,
    /// `created`, `amended` or `unchanged`.
    pub outcome: &'static str,
    /// Driver assigned after the push.
    pub driver: Option<String>,
    /// Validation warnings.
    pub warnings: Vec<String>,
}

/// Appends a trip version to a driver's change feed.
fn log_upsert(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    version: i64,
    doc: &str,
    at: &str,
) -> Result<(), Fail> {
    log_change(
        tx,
        driver,
        trip_id,
        ("upsert", version, None, Some(doc)),
        at,
    )
}

/// Appends a tombstone (the trip left the driver) to a driver's change feed.
fn log_tombstone(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    version: i64,
    reason: TombstoneReason,
    at: &str,
) -> Result<(), Fail> {
    let reason = match reason {
        TombstoneReason::Cancelled => "cancelled",
        TombstoneReason::Unassigned => "unassigned",
    };
    log_change(
        tx,
        driver,
        trip_id,
        ("tombstone", version, Some(reason), None),
        at,
    )
}

/// One row of the change log: (op, version, reason, document).
type ChangeRow<'a> = (&'static str, i64, Option<&'static str>, Option<&'a str>);

fn log_change(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    (op, version, reason, doc): ChangeRow<'_>,
    at: &str,
) -> Result<(), Fail> {
    tx.execute(
        "INSERT INTO change (driver, trip_id, op, version, reason, doc, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![driver, trip_id, op, version, reason, doc, at],
    )?;
    Ok(())
}

/// A pushed trip, parsed and validated, ready to store.
#[derive(Debug)]
pub struct PreparedTrip {
    trip: Trip,
    doc: String,
    version: i64,
    warnings: Vec<crossing_trip::Issue>,
}

/// Parses and validates a pushed trip document (the core's rules, fleet policy at `now`). Needs
/// no database: the server runs it before taking the database lock, so a large push never
/// holds up other fleets' drivers while it is parsed.
pub fn prepare_push(body: &[u8], now: DateTime<Utc>) -> Result<PreparedTrip, Fail> {
    let mut trip = format::parse_trip(body).map_err(ApiFailure::from_document)?;
    validate::normalize(&mut trip);
    let warnings = validate::validate(&trip, &validate::Policy::fleet(now))
        .into_result()
        .map_err(|r| ApiFailure::from_document(crossing_trip::Error::Invalid(r)))?;
    if trip.id.chars().count() > 64 {
        return Err(ApiFailure::invalid("id", "must be 1–64 characters"));
    }
    let doc = format::to_json(&trip).map_err(|e| ApiFailure::internal(e.to_string()))?;
    let version =
        i64::try_from(trip.version).map_err(|_| ApiFailure::invalid("version", "is too large"))?;
    Ok(PreparedTrip {
        trip,
        doc,
        version,
        warnings,
    })
}

/// Pushes (creates or amends) a trip for a fleet: [`prepare_push`], then [`store_push`].
pub fn push_trip(
    conn: &mut Connection,
    fleet: &str,
    body: &[u8],
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PushOutcome, Fail> {
    let prepared = prepare_push(body, now)?;
    store_push(conn, fleet, prepared, driver, now)
}

/// Stores a prepared trip for a fleet. `driver`: assign to this driver (on the fleet's
/// roster; None keeps the current assignment).
pub fn store_push(
    conn: &mut Connection,
    fleet: &str,
    prepared: PreparedTrip,
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PushOutcome, Fail> {
    let at = stamp(now);
    let PreparedTrip {
        trip,
        doc,
        version,
        warnings,
    } = prepared;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(d) = driver {
        check_roster(&tx, fleet, d)?;
    }
    // Trip ids are the fleet's own: another fleet may use the same id for another trip.
    let key = trip_key(fleet, &trip.id);
    let stored: Option<(Option<String>, i64, String, String)> = tx
        .query_row(
            "SELECT driver, version, state, doc FROM trip WHERE key = ?1",
            params![key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (outcome, previous_driver) = match &stored {
        Some((_, v, state, old_doc))
            if *v == version && *old_doc == doc && state == "cancelled" =>
        {
            return Err(ApiFailure::conflict(
                "version",
                format!("trip version {v} is cancelled; push a higher version to reactivate it"),
            ));
        }
        Some((d, v, _, old_doc))
            if *v == version && *old_doc == doc && (driver.is_none() || driver == d.as_deref()) =>
        {
            let out = PushOutcome {
                id: trip.id.clone(),
                version,
                outcome: "unchanged",
                driver: d.clone(),
                warnings: warnings.iter().map(ToString::to_string).collect(),
            };
            return Ok(out);
        }
        Some((_, v, _, _)) if *v >= version => {
            return Err(ApiFailure::conflict(
                "version",
                format!("must be greater than the stored version {v} to amend the trip"),
            ))
        }
        Some((d, _, _, _)) => ("amended", d.clone()),
        None => ("created", None),
    };
    let new_driver = driver.map(str::to_string).or(previous_driver.clone());
    tx.execute(
        "INSERT INTO trip (key, id, fleet, driver, version, state, trip_number, doc, updated_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?8)
         ON CONFLICT (key) DO UPDATE SET driver = excluded.driver, version = excluded.version,
             state = 'active', trip_number = excluded.trip_number, doc = excluded.doc,
             updated_at = excluded.updated_at",
        params![
            key,
            trip.id,
            fleet,
            new_driver,
            version,
            trip.trip_number,
            doc,
            at
        ],
    )?;
    if let Some(old) = &previous_driver {
        if Some(old) != new_driver.as_ref() {
            end_assignment(&tx, &key, old, &at)?;
            log_tombstone(&tx, old, &key, version, TombstoneReason::Unassigned, &at)?;
        }
    }
    if let Some(d) = &new_driver {
        begin_assignment(&tx, &key, d)?;
        log_upsert(&tx, d, &key, version, &doc, &at)?;
    }
    tx.commit()?;
    Ok(PushOutcome {
        id: trip.id,
        version,
        outcome,
        driver: new_driver,
        warnings: warnings.iter().map(ToString::to_string).collect(),
    })
}

/// The identity of a fleet's trip everywhere outside the manager API: `<fleet>:<id>`. The
/// driver's phone sees it as the trip id (two fleets may both number a trip `T-1`, and one driver
/// may drive for both); assignments, the change log and events refer to it.
pub fn trip_key(fleet: &str, id: &str) -> String {
    format!("{fleet}:{id}")
}

/// A fleet's trip: (key, driver, version, state, document). Another fleet's trip is reported
/// exactly like a missing one (ids are per fleet, so it is one).
fn fleet_trip(
    tx: &Connection,
    fleet: &str,
    id: &str,
) -> Result<(String, Option<String>, i64, String, String), Fail> {
    tx.query_row(
        "SELECT key, driver, version, state, doc FROM trip WHERE fleet = ?1 AND id = ?2",
        params![fleet, id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
    .optional()?
    .ok_or_else(|| ApiFailure::not_found("id", "no such trip in this fleet"))
}

/// Cancels a trip: tombstone for its driver. Idempotent.
pub fn cancel_trip(
    conn: &mut Connection,
    fleet: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), Fail> {
    let at = stamp(now);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (key, driver, version, state, _) = fleet_trip(&tx, fleet, id)?;
    if state == "cancelled" {
        return Ok(());
    }
    tx.execute(
        "UPDATE trip SET state = 'cancelled', updated_at = ?2 WHERE key = ?1",
        params![key, at],
    )?;
    if let Some(d) = driver {
        log_tombstone(&tx, &d, &key, version, TombstoneReason::Cancelled, &at)?;
    }
    tx.commit()?;
    Ok(())
}

/// Assigns a trip to a driver (None: unassigns). The previous driver gets a tombstone.
pub fn assign_trip(
    conn: &mut Connection,
    fleet: &str,
    id: &str,
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), Fail> {
    let at = stamp(now);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (key, previous, version, state, doc) = fleet_trip(&tx, fleet, id)?;
    if let Some(d) = driver {
        check_roster(&tx, fleet, d)?;
    }
    if state == "cancelled" && driver.is_some() {
        return Err(ApiFailure::conflict(
            "id",
            "the trip is cancelled; push a new version first",
        ));
    }
    if previous.as_deref() == driver {
        return Ok(());
    }
    tx.execute(
        "UPDATE trip SET driver = ?2, updated_at = ?3 WHERE key = ?1",
        params![key, driver, at],
    )?;
    if let Some(old) = &previous {
        end_assignment(&tx, &key, old, &at)?;
        log_tombstone(&tx, old, &key, version, TombstoneReason::Unassigned, &at)?;
    }
    if let Some(d) = driver {
        begin_assignment(&tx, &key, d)?;
        log_upsert(&tx, d, &key, version, &doc, &at)?;
    }
    tx.commit()?;
    Ok(())
}

/// A trip as the manager lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FleetTrip {
    /// Trip id.
    pub id: String,
    /// Version.
    pub version: i64,
    /// `active` or `cancelled`.
    pub state: String,
    /// Assigned driver.
    pub driver: Option<String>,
    /// CRN / ACE trip number.
    pub trip_number: String,
    /// Status events received.
    pub events: i64,
}

/// The fleet's trips.
pub fn list_trips(conn: &Connection, fleet: &str) -> Result<Vec<FleetTrip>, Fail> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.version, t.state, t.driver, t.trip_number,
                (SELECT count(*) FROM event e WHERE e.trip_id = t.key)
         FROM trip t WHERE t.fleet = ?1 ORDER BY t.id",
    )?;
    let rows = stmt.query_map(params![fleet], |r| {
        Ok(FleetTrip {
            id: r.get(0)?,
            version: r.get(1)?,
            state: r.get(2)?,
            driver: r.get(3)?,
            trip_number: r.get(4)?,
            events: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A status event as the manager reads it, with the server's flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerEvent {
    /// Arrival order on the server.
    pub server_seq: i64,
    /// Device-made id.
    pub event_id: String,
    /// Device.
    pub device_id: String,
    /// Driver.
    pub driver: String,
    /// Per-device sequence.
    pub device_seq: i64,
    /// Kind.
    pub kind: String,
    /// Version the driver saw.
    pub trip_version_seen: i64,
    /// Port.
    pub port: Option<String>,
    /// Shipment.
    pub shipment: Option<String>,
    /// Inspection level.
    pub inspection: Option<String>,
    /// Corrected event.
    pub corrects: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Device clock.
    pub occurred_at: String,
    /// Server clock at receipt.
    pub received_at: String,
    /// Estimated device clock skew (server receipt minus device send time), milliseconds.
    pub skew_ms: i64,
    /// `stale_trip_version`, `trip_cancelled`, `sequence_gap`, `clock_skew`.
    pub flags: Vec<String>,
}

/// Most events in one page of [`trip_events`].
pub const MAX_EVENTS_PAGE: usize = 1000;

/// A page of a trip's events in device order (by device, then device sequence), after the
/// position `after` (device id, device sequence) of the previous page's last event. Returns the
/// events and whether more follow.
pub fn trip_events(
    conn: &Connection,
    fleet: &str,
    id: &str,
    after: Option<(&str, i64)>,
    limit: usize,
) -> Result<(Vec<ServerEvent>, bool), Fail> {
    let (key, ..) = fleet_trip(conn, fleet, id)?;
    let limit = limit.clamp(1, MAX_EVENTS_PAGE);
    let (after_device, after_seq) = after.unwrap_or(("", 0));
    let mut stmt = conn.prepare_cached(
        "SELECT server_seq, event_id, device_id, driver, device_seq, kind, trip_version_seen, port,
                shipment, inspection, corrects, note, occurred_at, received_at, skew_ms, flags
         FROM event WHERE trip_id = ?1 AND (device_id, device_seq) > (?2, ?3)
         ORDER BY device_id, device_seq LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![key, after_device, after_seq, limit as i64 + 1],
        |r| {
            let flags: String = r.get(15)?;
            Ok(ServerEvent {
                server_seq: r.get(0)?,
                event_id: r.get(1)?,
                device_id: r.get(2)?,
                driver: r.get(3)?,
                device_seq: r.get(4)?,
                kind: r.get(5)?,
                trip_version_seen: r.get(6)?,
                port: r.get(7)?,
                shipment: r.get(8)?,
                inspection: r.get(9)?,
                corrects: r.get(10)?,
                note: r.get(11)?,
                occurred_at: r.get(12)?,
                received_at: r.get(13)?,
                skew_ms: r.get(14)?,
                flags: serde_json::from_str(&flags).unwrap_or_default(),
            })
        },
    )?;
    let mut events: Vec<ServerEvent> = rows.collect::<Result<_, _>>()?;
    let more = events.len() > limit;
    events.truncate(limit);
    Ok((events, more))
}

/// Registers a device for a driver. Idempotent for the same driver.
pub fn register_device(
    conn: &Connection,
    driver: &str,
    device_id: &str,
    platform: &str,
    app_version: &str,
    now: DateTime<Utc>,
) -> Result<(), Fail> {
    if !is_canonical_uuid(device_id, None) {
        return Err(ApiFailure::invalid(
            "device_id",
            "must be a UUID in lowercase hyphenated form",
        ));
    }
    // Lengths in characters, as the OpenAPI document's maxLength counts them.
    if platform.is_empty() || platform.chars().count() > 32 {
        return Err(ApiFailure::invalid("platform", "must be 1–32 characters"));
    }
    if app_version.is_empty() || app_version.chars().count() > 32 {
        return Err(ApiFailure::invalid(
            "app_version",
            "must be 1–32 characters",
        ));
    }
    let owner: Option<String> = conn
        .query_row(
            "SELECT driver FROM device WHERE device_id = ?1",
            params![device_id],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(d) if d != driver => Err(ApiFailure::conflict(
            "device_id",
            "is registered to another driver; reinstall to get a new device id",
        )),
        Some(_) => Ok(()),
        None => {
            conn.execute(
                "INSERT INTO device (device_id, driver, platform, app_version, registered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![device_id, driver, platform, app_version, stamp(now)],
            )?;
            Ok(())
        }
    }
}

/// [`register_device`], refusing a new device once the driver has `max_devices` (each
/// reinstall is one; a token must not be able to register devices without end).
pub fn register_device_within(
    conn: &Connection,
    driver: &str,
    device_id: &str,
    platform: &str,
    app_version: &str,
    now: DateTime<Utc>,
    max_devices: u32,
) -> Result<(), Fail> {
    let (known, count): (bool, i64) = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM device WHERE device_id = ?1), count(*) FROM device WHERE driver = ?2",
        params![device_id, driver],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !known && count >= i64::from(max_devices) {
        return Err(ApiFailure::conflict(
            "device_id",
            format!("this driver already has {count} registered devices, the most allowed"),
        ));
    }
    register_device(conn, driver, device_id, platform, app_version, now)
}

/// Whether `s` is a UUID written exactly as `Uuid::hyphenated` writes it (lowercase, hyphens, no
/// braces or `urn:` prefix), not nil or max, and of `version` when given. Ids are compared as
/// text, so one UUID must have one spelling: five spellings would be five events.
fn is_canonical_uuid(s: &str, version: Option<usize>) -> bool {
    uuid::Uuid::try_parse(s).is_ok_and(|u| {
        u.hyphenated().to_string() == s
            && !u.is_nil()
            && !u.is_max()
            && version.is_none_or(|v| u.get_version_num() == v)
    })
}

/// The rules an event must meet on its own, as its phone applies them: canonical ids, counters,
/// and `crossing_trip::event::check_wire` (the phone's field rules, one implementation).
/// Returns the event's recorded time, or the field and rule it broke.
fn check_event(e: &WireEvent) -> Result<DateTime<chrono::FixedOffset>, String> {
    if !is_canonical_uuid(&e.event_id, Some(7)) {
        return Err("event_id: must be a UUIDv7 in lowercase hyphenated form".into());
    }
    if e.device_seq < 1 || e.trip_version_seen < 1 {
        return Err("device_seq and trip_version_seen: must be 1 or more".into());
    }
    if let Some(c) = &e.corrects {
        if !is_canonical_uuid(c, None) {
            return Err("corrects: must be an event id (a lowercase hyphenated UUID)".into());
        }
    }
    let input = crossing_trip::event::check_wire(e).map_err(|err| err.to_string())?;
    if input.port != e.port || input.shipment != e.shipment || input.note != e.note {
        // The phone sends what it stored, already normalized: anything else did not come
        // from its recording path.
        return Err(
            "port, shipment or note: must be sent as recorded (trimmed, upper-case shipment)"
                .into(),
        );
    }
    input
        .occurred_at
        .ok_or_else(|| "occurred_at: is required".to_string())
}

/// What the rules need to know of a trip, read once per upload.
struct TripFacts {
    version: i64,
    cancelled: bool,
    port: String,
    shipments: std::collections::HashSet<String>,
    created_at: Option<DateTime<Utc>>,
}

fn trip_facts(tx: &Connection, id: &str) -> Result<TripFacts, Fail> {
    let (version, state, doc, created_at): (i64, String, String, Option<String>) = tx.query_row(
        "SELECT version, state, doc, created_at FROM trip WHERE key = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let trip = doc_to_trip(&doc)?;
    Ok(TripFacts {
        version,
        cancelled: state == "cancelled",
        port: trip.port_of_entry.clone(),
        shipments: trip
            .shipments
            .iter()
            .map(|s| s.control_number.clone())
            .collect(),
        created_at: created_at
            .and_then(|c| DateTime::parse_from_rfc3339(&c).ok())
            .map(|c| c.with_timezone(&Utc)),
    })
}

/// The rules that need the stored trip and the server's clock: refusals (`Err`, field and
/// rule) for what no phone can send, flags for what a later amendment or a diversion can make
/// true of a real driver's event (refusing those would lose it).
fn trip_rules(
    e: &WireEvent,
    occurred: DateTime<chrono::FixedOffset>,
    trip: &TripFacts,
    sent_at: DateTime<chrono::FixedOffset>,
    received: DateTime<Utc>,
) -> Result<Vec<String>, String> {
    if e.trip_version_seen > trip.version {
        return Err(format!(
            "trip_version_seen: {} is above the trip's version {}",
            e.trip_version_seen, trip.version
        ));
    }
    let occurred = occurred.with_timezone(&Utc);
    let slack = chrono::Duration::milliseconds(SKEW_FLAG_MS);
    if occurred > sent_at.with_timezone(&Utc) + slack {
        return Err("occurred_at: is after the upload was sent (device clock)".into());
    }
    if occurred > received + chrono::Duration::days(1) {
        return Err("occurred_at: is in the future".into());
    }
    if let Some(created) = trip.created_at {
        // A phone records only trips it has, and backdates at most 7 days.
        if occurred < created - chrono::Duration::days(7) - slack {
            return Err("occurred_at: is more than 7 days before the trip was pushed".into());
        }
    }
    let mut flags = Vec::new();
    if e.trip_version_seen < trip.version {
        flags.push("stale_trip_version".to_string());
    }
    if trip.cancelled {
        flags.push("trip_cancelled".to_string());
    }
    if e.shipment
        .as_ref()
        .is_some_and(|s| !trip.shipments.contains(s))
    {
        flags.push("shipment_not_on_trip".to_string());
    }
    if e.port.as_ref().is_some_and(|p| *p != trip.port) {
        flags.push("other_port".to_string());
    }
    Ok(flags)
}

/// Whether an event's device time is not after `ended` (an assignment's end, server time), with
/// the clock-skew tolerance: recorded while the trip was still the driver's.
fn recorded_before(occurred_at: &str, ended: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(occurred_at),
        DateTime::parse_from_rfc3339(ended),
    ) {
        (Ok(at), Ok(end)) => {
            at.with_timezone(&Utc)
                <= end.with_timezone(&Utc) + chrono::Duration::milliseconds(SKEW_FLAG_MS)
        }
        _ => false,
    }
}

/// Adds a flag to a stored event (once).
fn add_flag(tx: &Connection, event_id: &str, flag: &str) -> Result<(), Fail> {
    let stored: String = tx.query_row(
        "SELECT flags FROM event WHERE event_id = ?1",
        params![event_id],
        |r| r.get(0),
    )?;
    let mut flags: Vec<String> = serde_json::from_str(&stored).unwrap_or_default();
    if !flags.iter().any(|f| f == flag) {
        flags.push(flag.to_string());
        let json = serde_json::to_string(&flags)
            .map_err(|e| ApiFailure::internal(format!("flags: {e}")))?;
        tx.execute(
            "UPDATE event SET flags = ?2 WHERE event_id = ?1",
            params![event_id, json],
        )?;
    }
    Ok(())
}

/// The key of the trip an uploaded event names: its key as the phone got it from the feed, or,
/// from a phone that synced before trip ids were per fleet, the plain id of the one trip with
/// that id ever assigned to this driver (none or two: unknown).
fn resolve_trip(tx: &Connection, named: &str, driver: &str) -> Result<Option<String>, Fail> {
    let exact: bool = tx
        .query_row("SELECT 1 FROM trip WHERE key = ?1", params![named], |_| {
            Ok(true)
        })
        .optional()?
        .unwrap_or(false);
    if exact {
        return Ok(Some(named.to_string()));
    }
    let mut stmt = tx.prepare_cached(
        "SELECT t.key FROM trip t JOIN assignment a ON a.trip_id = t.key
         WHERE t.id = ?1 AND a.driver = ?2 LIMIT 2",
    )?;
    let keys: Vec<String> = stmt
        .query_map(params![named, driver], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(match keys.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// An event already stored under this id: `Some(true)` if it has exactly these facts (a resend),
/// `Some(false)` if its facts differ (a conflict), `None` if the id is new.
fn same_event(
    tx: &Connection,
    e: &WireEvent,
    trip_key: &str,
    device_id: &str,
    driver: &str,
) -> Result<Option<bool>, Fail> {
    let same: Option<bool> = tx
        .query_row(
            "SELECT device_id = ?2 AND driver = ?3 AND trip_id = ?4 AND trip_version_seen = ?5
                    AND device_seq = ?6 AND kind = ?7 AND port IS ?8 AND shipment IS ?9
                    AND inspection IS ?10 AND corrects IS ?11 AND note IS ?12 AND occurred_at = ?13
             FROM event WHERE event_id = ?1",
            params![
                e.event_id,
                device_id,
                driver,
                trip_key,
                e.trip_version_seen,
                e.device_seq,
                e.kind,
                e.port,
                e.shipment,
                e.inspection,
                e.corrects,
                e.note,
                e.occurred_at
            ],
            |r| r.get(0),
        )
        .optional()?;
    Ok(same)
}

/// Skew above which an event is flagged `clock_skew`.
const SKEW_FLAG_MS: i64 = 5 * 60 * 1000;

/// Stores an upload: per-event results, de-duplicated by event id, all in one transaction.
pub fn upload_events(
    conn: &mut Connection,
    driver: &str,
    batch: &EventsUpload,
    received: DateTime<Utc>,
) -> Result<Vec<EventResult>, Fail> {
    if batch.events.len() > crossing_trip::protocol::MAX_BATCH_EVENTS {
        return Err(ApiFailure::too_large(format!(
            "events: at most {} per request",
            crossing_trip::protocol::MAX_BATCH_EVENTS
        )));
    }
    let sent_at = DateTime::parse_from_rfc3339(&batch.sent_at)
        .map_err(|_| ApiFailure::invalid("sent_at", "must be an RFC 3339 date-time"))?;
    let skew_ms = (received - sent_at.with_timezone(&Utc)).num_milliseconds();
    let received_at = received.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let owner: Option<String> = tx
        .query_row(
            "SELECT driver FROM device WHERE device_id = ?1",
            params![batch.device_id],
            |r| r.get(0),
        )
        .optional()?;
    if owner.as_deref() != Some(driver) {
        return Err(ApiFailure::device_unknown());
    }
    let mut results = Vec::with_capacity(batch.events.len());
    let mut trips: std::collections::HashMap<String, TripFacts> = std::collections::HashMap::new();
    for e in &batch.events {
        let refused = |code: &str, reason: Option<String>| EventResult {
            event_id: e.event_id.clone(),
            status: ResultStatus::Rejected,
            code: Some(code.to_string()),
            retryable: Some(false),
            reason,
            flags: Vec::new(),
        };
        let occurred = match check_event(e) {
            Ok(at) => at,
            Err(why) => {
                results.push(refused("INVALID_EVENT", Some(why)));
                continue;
            }
        };
        // Ownership first, then de-duplication: whether an id exists is told only to a driver
        // who may post to the trip (an id of another driver's event is never confirmed).
        let Some(key) = resolve_trip(&tx, &e.trip_id, driver)? else {
            results.push(refused("UNKNOWN_TRIP", None));
            continue;
        };
        let mut flags = Vec::new();
        let assignment: Option<Option<String>> = tx
            .query_row(
                "SELECT ended_at FROM assignment WHERE trip_id = ?1 AND driver = ?2",
                params![key, driver],
                |r| r.get(0),
            )
            .optional()?;
        match assignment {
            None => {
                results.push(refused("UNKNOWN_TRIP", None));
                continue;
            }
            Some(None) => {}
            Some(Some(ended)) => {
                // The trip was taken from this driver. What they recorded while it was theirs
                // (offline, sent late) is kept and flagged; anything dated after is refused.
                if recorded_before(&e.occurred_at, &ended) {
                    flags.push("unassigned".to_string());
                } else {
                    results.push(refused("NOT_ASSIGNED", None));
                    continue;
                }
            }
        }
        match same_event(&tx, e, &key, &batch.device_id, driver)? {
            Some(true) => {
                results.push(EventResult {
                    event_id: e.event_id.clone(),
                    status: ResultStatus::Duplicate,
                    code: None,
                    retryable: None,
                    reason: None,
                    flags: Vec::new(),
                });
                continue;
            }
            Some(false) => {
                // The same id with other facts: refused, and the stored event is flagged so the
                // manager sees that a conflicting copy was sent.
                add_flag(&tx, &e.event_id, "id_conflict")?;
                results.push(refused("CONFLICT", None));
                continue;
            }
            None => {}
        }
        if !trips.contains_key(&key) {
            trips.insert(key.clone(), trip_facts(&tx, &key)?);
        }
        let Some(trip) = trips.get(&key) else {
            results.push(refused("UNKNOWN_TRIP", None));
            continue;
        };
        match trip_rules(e, occurred, trip, sent_at, received) {
            Ok(more) => flags.extend(more),
            Err(why) => {
                results.push(refused("INVALID_EVENT", Some(why)));
                continue;
            }
        }
        if let Some(target) = &e.corrects {
            let known: bool = tx
                .query_row(
                    "SELECT 1 FROM event WHERE event_id = ?1 AND trip_id = ?2 AND driver = ?3",
                    params![target, key, driver],
                    |_| Ok(true),
                )
                .optional()?
                .unwrap_or(false);
            if !known {
                flags.push("corrects_unknown".to_string());
            }
        }
        if e.device_seq > 1 {
            let previous: bool = tx
                .query_row(
                    "SELECT 1 FROM event WHERE device_id = ?1 AND device_seq = ?2",
                    params![batch.device_id, e.device_seq - 1],
                    |_| Ok(true),
                )
                .optional()?
                .unwrap_or(false);
            if !previous {
                flags.push("sequence_gap".to_string());
            }
        }
        if skew_ms.abs() > SKEW_FLAG_MS {
            flags.push("clock_skew".to_string());
        }
        tx.execute(
            "INSERT INTO event (event_id, device_id, driver, trip_id, trip_version_seen, device_seq,
                                kind, port, shipment, inspection, corrects, note, occurred_at, sent_at,
                                received_at, skew_ms, flags)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                e.event_id,
                batch.device_id,
                driver,
                key,
                e.trip_version_seen,
                e.device_seq,
                e.kind,
                e.port,
                e.shipment,
                e.inspection,
                e.corrects,
                e.note,
                e.occurred_at,
                batch.sent_at,
                received_at,
                skew_ms,
                serde_json::to_string(&flags).unwrap_or_else(|_| "[]".into()),
            ],
        )?;
        results.push(EventResult {
            event_id: e.event_id.clone(),
            status: ResultStatus::Accepted,
            code: None,
            retryable: None,
            reason: None,
            flags,
        });
    }
    tx.commit()?;
    Ok(results)
}

/// Cursor forms: `l2.<epoch>.<seq>` (log position) and `s2.<epoch>.<seq>.<after trip id>`
/// (inside a snapshot taken at log position `seq`). Opaque to clients. The epoch is this
/// database's (`meta`); the `l.`/`s.` forms of protocol v1 before epochs are expired.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cursor {
    Log(i64),
    Snapshot { at: i64, after: String },
}

/// Why a cursor cannot be used.
enum CursorError {
    /// Not something this server writes: 400.
    Malformed,
    /// Written by another database, an older protocol, or pointing past the log (a restored
    /// backup, a second server): 410, the phone pulls a snapshot.
    NotIssuedHere,
}

fn parse_cursor(s: &str, epoch: &str, top: i64) -> Result<Cursor, CursorError> {
    let number = |n: &str| n.parse::<i64>().map_err(|_| CursorError::Malformed);
    let (cursor, its_epoch) = if let Some(rest) = s.strip_prefix("l2.") {
        let (e, seq) = rest.split_once('.').ok_or(CursorError::Malformed)?;
        (Cursor::Log(number(seq)?), e)
    } else if let Some(rest) = s.strip_prefix("s2.") {
        let (e, rest) = rest.split_once('.').ok_or(CursorError::Malformed)?;
        let (at, after) = rest.split_once('.').ok_or(CursorError::Malformed)?;
        let cursor = Cursor::Snapshot {
            at: number(at)?,
            after: after.to_string(),
        };
        (cursor, e)
    } else if s.starts_with("l.") || s.starts_with("s.") {
        return Err(CursorError::NotIssuedHere);
    } else {
        return Err(CursorError::Malformed);
    };
    let pos = match &cursor {
        Cursor::Log(p) | Cursor::Snapshot { at: p, .. } => *p,
    };
    if pos < 0 {
        return Err(CursorError::Malformed);
    }
    if its_epoch != epoch || pos > top {
        return Err(CursorError::NotIssuedHere);
    }
    Ok(cursor)
}

/// This database's epoch (random, made with the schema; renewed by [`new_epoch`]).
pub fn epoch(conn: &Connection) -> Result<String, Fail> {
    Ok(
        conn.query_row("SELECT value FROM meta WHERE key = 'epoch'", [], |r| {
            r.get(0)
        })?,
    )
}

/// Gives the database a new epoch, so every cursor issued so far answers 410. Returns it.
pub fn new_epoch(conn: &Connection) -> Result<String, Fail> {
    Ok(conn.query_row(
        "UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'epoch' RETURNING value",
        [],
        |r| r.get(0),
    )?)
}

/// Writes a consistent copy of the database to `to` (which must not exist) and gives the copy
/// a new epoch: restoring it later cannot make phones trust cursors of a history it lacks.
/// Returns the copy's epoch.
pub fn backup(conn: &Connection, to: &std::path::Path) -> Result<String, Fail> {
    if to.exists() {
        return Err(ApiFailure::conflict("to", "the backup file already exists"));
    }
    let path = to
        .to_str()
        .ok_or_else(|| ApiFailure::invalid("to", "must be a UTF-8 path"))?;
    conn.execute("VACUUM INTO ?1", params![path])?;
    let copy = open(to)?;
    new_epoch(&copy)
}

fn doc_to_trip(doc: &str) -> Result<Box<Trip>, Fail> {
    serde_json::from_str(doc)
        .map(Box::new)
        .map_err(|e| ApiFailure::internal(format!("stored trip unreadable: {e}")))
}

/// A stored trip as its driver gets it: the document with the fleet-qualified key as its id.
fn driver_doc(key: &str, doc: &str) -> Result<Box<Trip>, Fail> {
    let mut trip = doc_to_trip(doc)?;
    trip.id = key.to_string();
    Ok(trip)
}

/// One row of the change log: seq, trip id, op, version, reason, document.
type LogRow = (i64, String, String, i64, Option<String>, Option<String>);

/// The highest change-log position ever assigned (survives compaction).
fn log_top(conn: &Connection) -> Result<i64, Fail> {
    Ok(conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'change'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// Most bytes of trip documents in one page (a 500-shipment trip is ~0.3 MB).
const PAGE_BYTES: usize = 2 * 1024 * 1024;

/// One page of a driver's change feed.
pub fn changes(
    conn: &Connection,
    driver: &str,
    cursor: Option<&str>,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<ChangesPage, Fail> {
    let limit = limit.clamp(1, crossing_trip::protocol::MAX_PAGE_CHANGES);
    let server_time = stamp(now);
    let epoch = epoch(conn)?;
    let top = log_top(conn)?;
    let start = match cursor.filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => match parse_cursor(c, &epoch, top) {
            Ok(cursor) => Some(cursor),
            Err(CursorError::NotIssuedHere) => return Err(ApiFailure::gone()),
            Err(CursorError::Malformed) => {
                return Err(ApiFailure::invalid(
                    "cursor",
                    "is not a cursor this server issued",
                ))
            }
        },
    };
    let floor: i64 = conn
        .query_row(
            "SELECT floor FROM feed_floor WHERE driver = ?1",
            params![driver],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    match start {
        Some(Cursor::Log(pos)) => {
            if pos < floor {
                return Err(ApiFailure::gone());
            }
            let mut stmt = conn.prepare_cached(
                "SELECT seq, trip_id, op, version, reason, doc FROM change
                 WHERE driver = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
            )?;
            let rows: Vec<LogRow> = stmt
                .query_map(params![driver, pos, limit as i64 + 1], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect::<Result<_, _>>()?;
            let mut has_more = rows.len() > limit;
            let mut changes = Vec::new();
            let mut next = pos;
            let mut bytes = 0;
            for (seq, id, op, version, reason, doc) in rows.into_iter().take(limit) {
                if bytes > PAGE_BYTES {
                    has_more = true;
                    break;
                }
                bytes += doc.as_ref().map_or(64, String::len);
                changes.push(if op == "upsert" {
                    Change {
                        op: ChangeOp::Upsert,
                        trip: Some(driver_doc(&id, doc.as_deref().unwrap_or("{}"))?),
                        id,
                        version,
                        reason: None,
                    }
                } else {
                    Change {
                        op: ChangeOp::Tombstone,
                        id,
                        version,
                        reason: Some(if reason.as_deref() == Some("cancelled") {
                            TombstoneReason::Cancelled
                        } else {
                            TombstoneReason::Unassigned
                        }),
                        trip: None,
                    }
                });
                next = seq;
            }
            Ok(ChangesPage {
                changes,
                next_cursor: format!("l2.{epoch}.{next}"),
                has_more,
                server_time,
                snapshot: false,
            })
        }
        start => {
            // A snapshot of the trips assigned now, paged by trip id, pinned at a log position.
            let (at, after) = match start {
                Some(Cursor::Snapshot { at, after }) => (at, after),
                _ => (top, String::new()),
            };
            if at < floor {
                return Err(ApiFailure::gone());
            }
            let mut stmt = conn.prepare_cached(
                "SELECT key, version, doc FROM trip
                 WHERE driver = ?1 AND state = 'active' AND key > ?2 ORDER BY key LIMIT ?3",
            )?;
            let rows: Vec<(String, i64, String)> = stmt
                .query_map(params![driver, after, limit as i64 + 1], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<Result<_, _>>()?;
            let mut has_more = rows.len() > limit;
            let mut changes = Vec::new();
            let mut last = after;
            let mut bytes = 0;
            for (id, version, doc) in rows.into_iter().take(limit) {
                if bytes > PAGE_BYTES {
                    has_more = true;
                    break;
                }
                bytes += doc.len();
                changes.push(Change {
                    op: ChangeOp::Upsert,
                    id: id.clone(),
                    version,
                    reason: None,
                    trip: Some(driver_doc(&id, &doc)?),
                });
                last = id;
            }
            Ok(ChangesPage {
                changes,
                next_cursor: if has_more {
                    format!("s2.{epoch}.{at}.{last}")
                } else {
                    format!("l2.{epoch}.{at}")
                },
                has_more,
                server_time,
                snapshot: true,
            })
        }
    }
}

/// Drops a driver's change log up to the latest position (keeping the trips themselves):
/// older cursors then get 410 and the phone re-pulls a snapshot. Returns rows removed.
pub fn compact_feed(conn: &mut Connection, driver: &str) -> Result<usize, Fail> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let top = log_top(&tx)?;
    let n = tx.execute(
        "DELETE FROM change WHERE driver = ?1 AND seq <= ?2",
        params![driver, top],
    )?;
    tx.execute(
        "INSERT INTO feed_floor (driver, floor) VALUES (?1, ?2)
         ON CONFLICT (driver) DO UPDATE SET floor = excluded.floor",
        params![driver, top],
    )?;
    tx.commit()?;
    Ok(n)
}

/// A trip for its driver: (version, document) if assigned to them and active.
/// A trip for its driver, by the key the feed gave them: (version, document with the key as
/// its id) if assigned to them and active.
pub fn driver_trip(conn: &Connection, driver: &str, key: &str) -> Result<(i64, String), Fail> {
    let (version, doc): (i64, String) = conn
        .query_row(
            "SELECT version, doc FROM trip WHERE key = ?1 AND driver = ?2 AND state = 'active'",
            params![key, driver],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| ApiFailure::not_found("id", "no such trip assigned to you"))?;
    let trip = driver_doc(key, &doc)?;
    Ok((
        version,
        format::to_json(&trip).map_err(|e| ApiFailure::internal(e.to_string()))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by schemathesis: lengths were counted in bytes while the OpenAPI document's
    /// maxLength counts characters, so a 32-character non-ASCII app version was refused.
    #[test]
    fn device_text_limits_count_characters() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = open(&dir.path().join("fleet.db")).expect("open");
        let dev = "0190aaaa-0000-4000-8000-000000000001";
        let v32 = "é".repeat(32);
        let now = Utc::now();
        register_device(&conn, "d1", dev, &v32, &v32, now).expect("32 characters are allowed");
        let err = register_device(&conn, "d1", dev, "android", &"é".repeat(33), now)
            .expect_err("33 characters are not");
        assert_eq!(err.body.field.as_deref(), Some("app_version"));
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("date").to_utc()
    }

    /// The server's "now" is the one it is given: the fleet policy judges the ETA by it, and
    /// received times and the clock-skew flag come from it, not from the machine's clock.
    #[test]
    fn received_times_skew_and_eta_rules_follow_the_given_clock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = open(&dir.path().join("fleet.db")).expect("open");
        add_to_roster(&conn, "F1", "D1", at("2026-11-01T00:00:00Z")).expect("roster");
        let doc = include_bytes!("../../examples/aci-trip.json");
        // The day after the example's ETA (2026-11-26 14:30 Toronto), the fleet refuses it ...
        let late = push_trip(&mut conn, "F1", doc, Some("D1"), at("2026-11-27T12:00:00Z"))
            .expect_err("past ETA");
        assert!(
            late.body.reason.contains("is in the past"),
            "{}",
            late.body.reason
        );
        // ... the morning before, it takes it as it is.
        let morning = at("2026-11-25T13:00:00Z");
        push_trip(&mut conn, "F1", doc, Some("D1"), morning).expect("push");
        let dev = "0190aaaa-0000-4000-8000-000000000001";
        register_device(&conn, "D1", dev, "test", "1", morning).expect("device");
        let event = |n: i64, id: &str| WireEvent {
            event_id: id.into(),
            device_seq: n,
            trip_id: "T-2026-11-0417".into(),
            trip_version_seen: 1,
            kind: "departed_origin".into(),
            port: None,
            shipment: None,
            inspection: None,
            corrects: None,
            note: None,
            occurred_at: "2026-11-25T07:30:00-05:00".into(),
        };
        // A phone 4 minutes behind the server: no flag; 6 minutes ahead: clock_skew.
        let upload = |n, id: &str, sent_at: &str| EventsUpload {
            device_id: dev.into(),
            sent_at: sent_at.into(),
            events: vec![event(n, id)],
        };
        let ok = upload_events(
            &mut conn,
            "D1",
            &upload(
                1,
                "0190aaaa-0000-7000-8000-000000000001",
                "2026-11-25T07:56:00-05:00",
            ),
            morning,
        )
        .expect("upload");
        assert_eq!(ok[0].status, ResultStatus::Accepted);
        assert!(ok[0].flags.is_empty(), "{:?}", ok[0].flags);
        let skewed = upload_events(
            &mut conn,
            "D1",
            &upload(
                2,
                "0190aaaa-0000-7000-8000-000000000002",
                "2026-11-25T08:06:00-05:00",
            ),
            morning,
        )
        .expect("upload");
        assert_eq!(skewed[0].flags, ["clock_skew"]);
        let received: Vec<String> = trip_events(&conn, "F1", "T-2026-11-0417", None, 10)
            .expect("events")
            .0
            .into_iter()
            .map(|e| e.received_at)
            .collect();
        assert_eq!(received, ["2026-11-25T13:00:00.000Z"; 2]);
    }

    /// A database written by the server before rosters, epochs and per-fleet ids (schema 1)
    /// opens and migrates: its drivers join the rosters of the fleets whose trips they had, a
    /// trip's assignment, change log and events follow it to its fleet-qualified key, an
    /// assignment that was taken away is ended, and the database gets an epoch.
    #[test]
    fn a_database_of_schema_1_migrates() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fleet.db");
        {
            let conn = Connection::open(&path).expect("v1");
            conn.execute_batch(FLEET.migrations[0]).expect("schema 1");
            conn.execute_batch(
                "INSERT INTO trip VALUES ('T1', 'F1', 'D2', 2, 'active', 'N1', '{}', '2026-11-25T00:00:00.000Z');
                 INSERT INTO assignment VALUES ('T1', 'D1'), ('T1', 'D2');
                 INSERT INTO change (driver, trip_id, op, version, reason, doc, at)
                     VALUES ('D2', 'T1', 'upsert', 2, NULL, '{}', '2026-11-25T00:00:00.000Z');
                 INSERT INTO event (event_id, device_id, driver, trip_id, trip_version_seen, device_seq,
                                    kind, occurred_at, sent_at, received_at, skew_ms, flags)
                     VALUES ('e1', 'd1', 'D1', 'T1', 1, 1, 'departed_origin', 'x', 'x', 'x', 0, '[]');
                 PRAGMA user_version = 1;",
            )
            .expect("v1 rows");
        }
        let conn = open(&path).expect("migrates");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, FLEET.migrations.len() as i64);
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        assert_eq!(one("SELECT key FROM trip"), "F1:T1");
        assert_eq!(
            one("SELECT group_concat(trip_id) FROM (SELECT DISTINCT trip_id FROM assignment)"),
            "F1:T1"
        );
        assert_eq!(one("SELECT trip_id FROM change"), "F1:T1");
        assert_eq!(one("SELECT trip_id FROM event"), "F1:T1");
        assert_eq!(
            one("SELECT group_concat(driver, ',') FROM (SELECT driver FROM roster WHERE fleet = 'F1' ORDER BY driver)"),
            "D1,D2"
        );
        assert_eq!(
            one("SELECT driver FROM assignment WHERE ended_at IS NOT NULL"),
            "D1",
            "D1's assignment was taken away before the upgrade"
        );
        assert_eq!(epoch(&conn).expect("epoch").len(), 16);
    }
}
