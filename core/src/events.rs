//! Status events on the phone: what the outbox keeps of each, and the SQL that keeps it.
//!
//! An event is checked against the cached trip ([`crossing_trip::event::check`]: known trip,
//! shipment on the trip, port code shape, fields that fit the kind) and then written in one
//! IMMEDIATE transaction of the `synchronous = FULL` outbox, with its UUIDv7 id and the next
//! per-device sequence number. When [`record`] returns `Ok`, the event survives a process kill
//! or a power loss.

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;

pub use crossing_trip::event::{
    check, check_fields, check_wire, EventInput, EventKind, Inspection,
};

use crate::error::{Error, Result};
use crate::model::Trip;

/// Delivery state of an event in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting to be sent.
    Pending,
    /// The server acknowledged it.
    Sent,
    /// The server refused it for good; shown to the driver, never retried.
    Dead,
}

impl DeliveryState {
    fn from_db(s: &str) -> Result<Self> {
        match s {
            "pending" => Ok(DeliveryState::Pending),
            "sent" => Ok(DeliveryState::Sent),
            "dead" => Ok(DeliveryState::Dead),
            other => Err(Error::Corrupt(format!("event state {other:?}"))),
        }
    }
}

/// A recorded status event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    /// UUIDv7 generated on the device; the server de-duplicates on it.
    pub event_id: String,
    /// Per-device sequence number (1, 2, 3, …), for ordering and gap detection.
    pub device_seq: i64,
    /// The trip.
    pub trip_id: String,
    /// The trip version the driver was looking at.
    pub trip_version_seen: i64,
    /// What happened.
    pub kind: EventKind,
    /// Port code.
    pub port: Option<String>,
    /// Shipment control number.
    pub shipment: Option<String>,
    /// Inspection level.
    pub inspection: Option<Inspection>,
    /// Corrected event id.
    pub corrects: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// When it happened, RFC 3339 with the device's UTC offset.
    pub occurred_at: String,
    /// When it was written to the outbox, RFC 3339.
    pub recorded_at: String,
    /// Pending, sent or dead.
    pub state: DeliveryState,
    /// Delivery attempts so far.
    pub attempts: i64,
    /// Last delivery error (dead-lettered events say why).
    pub last_error: Option<String>,
}

/// What recording needs of a trip when the cache cannot say: (version, port of entry,
/// shipment control numbers).
pub(crate) type TripContext = (i64, String, Vec<String>);

/// Remembers a received trip's context in the outbox (never going back to an older version).
pub(crate) fn remember_trip(conn: &Connection, trip: &Trip) -> Result<()> {
    let shipments: Vec<&str> = trip
        .shipments
        .iter()
        .map(|s| s.control_number.as_str())
        .collect();
    conn.prepare_cached(
        "INSERT INTO trip_context (trip_id, version, port_of_entry, shipments)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (trip_id) DO UPDATE SET version = excluded.version,
             port_of_entry = excluded.port_of_entry, shipments = excluded.shipments
         WHERE excluded.version >= trip_context.version",
    )?
    .execute(params![
        trip.id,
        i64::try_from(trip.version).unwrap_or(i64::MAX),
        trip.port_of_entry,
        shipments.join("\n")
    ])?;
    Ok(())
}

/// The remembered context of a trip, if it was ever received on this install.
pub(crate) fn trip_context(conn: &Connection, id: &str) -> Result<Option<TripContext>> {
    Ok(conn
        .prepare_cached(
            "SELECT version, port_of_entry, shipments FROM trip_context WHERE trip_id = ?1",
        )?
        .query_row(params![id], |r| {
            let shipments: String = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                shipments
                    .split('\n')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            ))
        })
        .optional()?)
}

pub(crate) fn device_id(conn: &Connection) -> Result<String> {
    conn.execute(
        "INSERT OR IGNORE INTO device (id, device_id, next_seq) VALUES (1, ?1, 1)",
        params![uuid::Uuid::new_v4().to_string()],
    )?;
    Ok(
        conn.query_row("SELECT device_id FROM device WHERE id = 1", [], |r| {
            r.get(0)
        })?,
    )
}

/// Appends a checked event to the outbox; durable when this returns.
/// Keeps event ids of this process in order within one millisecond (and on a clock that stands
/// still), as `Uuid::now_v7` does with its own context.
static EVENT_ID_CONTEXT: std::sync::Mutex<uuid::ContextV7> =
    std::sync::Mutex::new(uuid::ContextV7::new());

/// A UUIDv7 whose time bits are the recording time from the core's clock (not the system's),
/// then a counter and random bits: unique without coordination, sortable by recording time.
fn event_id(now: DateTime<FixedOffset>) -> String {
    let secs = u64::try_from(now.timestamp()).unwrap_or(0);
    // The context holds only a counter; a panic elsewhere cannot leave it unusable.
    let context = EVENT_ID_CONTEXT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let ts = uuid::Timestamp::from_unix(&*context, secs, now.timestamp_subsec_nanos());
    uuid::Uuid::new_v7(ts).to_string()
}

pub(crate) fn record(
    conn: &mut Connection,
    input: &EventInput,
    trip_version: i64,
    now: DateTime<FixedOffset>,
) -> Result<StatusEvent> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(corrected) = &input.corrects {
        let trip_of: Option<String> = tx
            .query_row(
                "SELECT trip_id FROM event WHERE event_id = ?1",
                params![corrected],
                |r| r.get(0),
            )
            .optional()?;
        match trip_of {
            None => {
                return Err(Error::input(
                    "corrects",
                    format!("{corrected:?} is not an event recorded on this device"),
                ))
            }
            Some(t) if t != input.trip_id => {
                return Err(Error::input(
                    "corrects",
                    format!("{corrected:?} belongs to another trip"),
                ))
            }
            Some(_) => {}
        }
    }
    // Take the next sequence number and advance it in one statement; statements are cached on
    // the connection (recording is the hot path: docs/benchmarks.md).
    let seq: i64 = tx
        .prepare_cached(
            "UPDATE device SET next_seq = next_seq + 1 WHERE id = 1 RETURNING next_seq - 1",
        )?
        .query_row([], |r| r.get(0))?;
    let event = StatusEvent {
        event_id: event_id(now),
        device_seq: seq,
        trip_id: input.trip_id.clone(),
        trip_version_seen: trip_version,
        kind: input.kind,
        port: input.port.clone(),
        shipment: input.shipment.clone(),
        inspection: input.inspection,
        corrects: input.corrects.clone(),
        note: input.note.clone(),
        occurred_at: input
            .occurred_at
            .unwrap_or(now)
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        recorded_at: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        state: DeliveryState::Pending,
        attempts: 0,
        last_error: None,
    };
    tx.prepare_cached(
        "INSERT INTO event (event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment,
                            inspection, corrects, note, occurred_at, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        event.event_id,
        event.device_seq,
        event.trip_id,
        event.trip_version_seen,
        event.kind.as_str(),
        event.port,
        event.shipment,
        event.inspection.map(Inspection::as_str),
        event.corrects,
        event.note,
        event.occurred_at,
        event.recorded_at,
    ])?;
    tx.commit()?;
    Ok(event)
}

/// Which events to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only this trip's events.
    pub trip_id: Option<String>,
    /// Only events not yet acknowledged by the server.
    pub pending_only: bool,
}

/// The oldest pending events, at most `limit`, in device order (uses the partial index).
pub(crate) fn pending(conn: &Connection, limit: usize) -> Result<Vec<StatusEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment, inspection,
                corrects, note, occurred_at, recorded_at, state, attempts, last_error
         FROM event WHERE state = 'pending' ORDER BY device_seq LIMIT ?1",
    )?;
    let rows = stmt.query_map(params![i64::try_from(limit).unwrap_or(i64::MAX)], raw_row)?;
    rows.map(|r| r.map_err(Error::from).and_then(from_raw))
        .collect()
}

/// Lists events in device order.
pub(crate) fn list(conn: &Connection, filter: &EventFilter) -> Result<Vec<StatusEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment, inspection,
                corrects, note, occurred_at, recorded_at, state, attempts, last_error
         FROM event
         WHERE (?1 IS NULL OR trip_id = ?1) AND (?2 = 0 OR state = 'pending')
         ORDER BY device_seq",
    )?;
    let rows = stmt.query_map(params![filter.trip_id, filter.pending_only], raw_row)?;
    rows.map(|r| r.map_err(Error::from).and_then(from_raw))
        .collect()
}

type Raw = (
    String,
    i64,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    i64,
    Option<String>,
);

fn raw_row(r: &Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
        r.get(13)?,
        r.get(14)?,
    ))
}

fn from_raw(raw: Raw) -> Result<StatusEvent> {
    let (event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment, inspection) =
        (raw.0, raw.1, raw.2, raw.3, raw.4, raw.5, raw.6, raw.7);
    let corrupt = |what: &str| Error::Corrupt(format!("event {event_id}: {what}"));
    Ok(StatusEvent {
        kind: kind.parse().map_err(|_| corrupt("kind"))?,
        inspection: inspection
            .map(|i| i.parse())
            .transpose()
            .map_err(|_| corrupt("inspection"))?,
        device_seq,
        trip_id,
        trip_version_seen,
        port,
        shipment,
        corrects: raw.8,
        note: raw.9,
        occurred_at: raw.10,
        recorded_at: raw.11,
        state: DeliveryState::from_db(&raw.12)?,
        attempts: raw.13,
        last_error: raw.14,
        event_id,
    })
}
