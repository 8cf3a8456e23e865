//! The outbox's SQL: the driver's events (append-only, `synchronous = FULL`), the device's
//! id and sequence, what recording needs of each received trip, and the delivery results.
//! Nothing else in the core writes `outbox.db`.

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use crate::error::{Error, Result};
use crate::events::{DeliveryState, EventFilter, EventInput, Inspection, StatusEvent};
use crate::model::Trip;
use crate::protocol::{EventResult, ResultStatus};

/// What recording needs of a trip when the cache cannot say, remembered in the outbox when
/// the trip was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TripContext {
    /// The trip version last received.
    pub version: i64,
    /// Its port of entry (the default border port of an arrival).
    pub port: String,
    /// Its shipments' control numbers.
    pub shipments: Vec<String>,
}

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
            Ok(TripContext {
                version: r.get(0)?,
                port: r.get(1)?,
                shipments: shipments
                    .split('\n')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            })
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

/// Keeps what recording needs of received trips beside the events ([`remember_trip`]). One
/// transaction for the whole list: the outbox syncs fully, so a page of a thousand trips costs
/// one fsync, not a thousand.
pub(crate) fn remember_trips(conn: &mut Connection, trips: &[Trip]) -> Result<()> {
    if trips.is_empty() {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for t in trips {
        remember_trip(&tx, t)?;
    }
    tx.commit()?;
    Ok(())
}

/// How many events are waiting and how many the server refused for good.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QueueCounts {
    /// Waiting to be sent.
    pub pending: usize,
    /// Refused for good (dead-lettered).
    pub dead: usize,
}

/// Counts the outbox's pending and dead events.
pub(crate) fn queue_counts(conn: &Connection) -> Result<QueueCounts> {
    let (pending, dead): (i64, i64) = conn.query_row(
        "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'dead') FROM event",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(QueueCounts {
        pending: usize::try_from(pending).unwrap_or(0),
        dead: usize::try_from(dead).unwrap_or(0),
    })
}

/// What the server's answers to one upload did to the outbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ResultCounts {
    /// Accepted as new.
    pub accepted: usize,
    /// Already had (sent before; the answer was lost).
    pub duplicate: usize,
    /// Refused for good: kept, shown, never retried.
    pub dead_lettered: usize,
    /// Refused for now: retried at a later sync.
    pub retry_later: usize,
}

/// Applies per-event results in one outbox transaction; `now` stamps `sent_at`.
pub(crate) fn apply_results(
    conn: &mut Connection,
    results: &[EventResult],
    now: &str,
) -> Result<ResultCounts> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut counts = ResultCounts::default();
    for r in results {
        match (r.status, r.retryable) {
            (ResultStatus::Accepted | ResultStatus::Duplicate, _) => {
                tx.execute(
                    "UPDATE event SET state = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL
                     WHERE event_id = ?1 AND state = 'pending'",
                    params![r.event_id, now],
                )?;
                if r.status == ResultStatus::Accepted {
                    counts.accepted += 1;
                } else {
                    counts.duplicate += 1;
                }
            }
            (ResultStatus::Rejected, Some(true)) => {
                tx.execute(
                    "UPDATE event SET attempts = attempts + 1, last_error = ?2 WHERE event_id = ?1",
                    params![r.event_id, refusal(r)],
                )?;
                counts.retry_later += 1;
            }
            (ResultStatus::Rejected, _) => {
                tx.execute(
                    "UPDATE event SET state = 'dead', attempts = attempts + 1, last_error = ?2
                     WHERE event_id = ?1 AND state = 'pending'",
                    params![r.event_id, refusal(r)],
                )?;
                counts.dead_lettered += 1;
            }
        }
    }
    tx.commit()?;
    Ok(counts)
}

/// What the outbox keeps of a refusal: the server's code, and its reason when it gave one.
fn refusal(r: &EventResult) -> String {
    let code = r.code.as_deref().unwrap_or("rejected");
    match &r.reason {
        Some(reason) => format!(
            "{code}: {}",
            reason
                .chars()
                .take(crate::limits::MAX_ECHOED_CHARS * 4)
                .collect::<String>()
        ),
        None => code.to_string(),
    }
}
