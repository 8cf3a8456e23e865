//! Status events: facts the driver records on the device, kept in the append-only outbox.
//!
//! An event is checked against the cached trip (known trip, shipment on the trip, port code
//! shape, fields that fit the kind) and then written in one IMMEDIATE transaction of the
//! `synchronous = FULL` outbox, with its UUIDv7 id and the next per-device sequence number.
//! When [`record`] returns `Ok`, the event survives a process kill or a power loss.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Trip;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The driver read the manifest at `trip_version_seen` (also acknowledges an amendment).
    TripAcknowledged,
    /// Left the origin.
    DepartedOrigin,
    /// Reached the border (port).
    ArrivedAtBorder,
    /// Sent to primary or secondary inspection.
    InInspection,
    /// The officer let the truck go (driver's word; customs status confirms).
    Released,
    /// Reached the consignee (optionally for one shipment).
    ArrivedAtConsignee,
    /// A shipment was delivered.
    Delivered,
    /// Something went wrong (note required).
    Exception,
    /// Corrects an earlier event (which event, and why).
    Correction,
}

impl EventKind {
    /// Every kind, in the order a trip normally goes.
    pub const ALL: [EventKind; 9] = [
        EventKind::TripAcknowledged,
        EventKind::DepartedOrigin,
        EventKind::ArrivedAtBorder,
        EventKind::InInspection,
        EventKind::Released,
        EventKind::ArrivedAtConsignee,
        EventKind::Delivered,
        EventKind::Exception,
        EventKind::Correction,
    ];

    /// Stable wire and storage name (`arrived_at_border`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::TripAcknowledged => "trip_acknowledged",
            EventKind::DepartedOrigin => "departed_origin",
            EventKind::ArrivedAtBorder => "arrived_at_border",
            EventKind::InInspection => "in_inspection",
            EventKind::Released => "released",
            EventKind::ArrivedAtConsignee => "arrived_at_consignee",
            EventKind::Delivered => "delivered",
            EventKind::Exception => "exception",
            EventKind::Correction => "correction",
        }
    }

    /// Words for the driver.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::TripAcknowledged => "Manifest acknowledged",
            EventKind::DepartedOrigin => "Departed origin",
            EventKind::ArrivedAtBorder => "Arrived at border",
            EventKind::InInspection => "In inspection",
            EventKind::Released => "Released (driver)",
            EventKind::ArrivedAtConsignee => "Arrived at consignee",
            EventKind::Delivered => "Delivered",
            EventKind::Exception => "Exception",
            EventKind::Correction => "Correction",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventKind {
    type Err = Error;

    /// Accepts `arrived_at_border` or `arrived-at-border`, any case.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::input(
                    "kind",
                    format!("{s:?} is not an event kind ({})", names.join(", ")),
                )
            })
    }
}

/// Primary or secondary inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inspection {
    /// At the primary inspection line (booth).
    Primary,
    /// Referred to secondary inspection.
    Secondary,
}

impl Inspection {
    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            Inspection::Primary => "primary",
            Inspection::Secondary => "secondary",
        }
    }
}

impl FromStr for Inspection {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "primary" => Ok(Inspection::Primary),
            "secondary" => Ok(Inspection::Secondary),
            _ => Err(Error::input(
                "inspection",
                format!("{s:?} must be primary or secondary"),
            )),
        }
    }
}

/// What the driver asks to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    /// The trip it is about.
    pub trip_id: String,
    /// What happened.
    pub kind: EventKind,
    /// Port code (4 digits): arrived at border (defaults to the trip's port), inspection, released.
    pub port: Option<String>,
    /// Shipment control number: delivered (required), arrived at consignee, exception.
    pub shipment: Option<String>,
    /// Inspection level: in inspection (required).
    pub inspection: Option<Inspection>,
    /// Id of the event being corrected: correction (required).
    pub corrects: Option<String>,
    /// Free text: exception and correction (required), any kind (optional).
    pub note: Option<String>,
    /// When it happened, if not now (e.g. the driver taps late). At most 7 days back.
    pub occurred_at: Option<DateTime<FixedOffset>>,
}

impl EventInput {
    /// An input with only the trip and kind set.
    pub fn new(trip_id: impl Into<String>, kind: EventKind) -> Self {
        EventInput {
            trip_id: trip_id.into(),
            kind,
            port: None,
            shipment: None,
            inspection: None,
            corrects: None,
            note: None,
            occurred_at: None,
        }
    }
}

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

const NOTE_MAX: usize = 500;
const SHIPMENT_MAX: usize = 25;
const BACKDATE_MAX_DAYS: i64 = 7;
const FUTURE_SLACK_MINUTES: i64 = 5;

/// Checks an event against the trip it is about: [`check_fields`], then the trip's port as
/// the default border port, the shipment on the trip, and the time window. `shipments` are the
/// trip's control numbers; `None` means a tombstoned trip (cancelled or purged): the trip is
/// known but its shipments are no longer on the device.
pub(crate) fn check(
    input: &mut EventInput,
    trip_port: &str,
    shipments: Option<&[String]>,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    check_fields(input)?;
    if input.port.is_none() && input.kind == EventKind::ArrivedAtBorder {
        input.port = Some(trip_port.to_string());
    }
    if let Some(shipment) = &input.shipment {
        match shipments {
            None => return Err(Error::input(
                "shipment",
                "this trip was cancelled or cleared; its shipments are no longer on this device",
            )),
            Some(list) if !list.iter().any(|s| s == shipment) => {
                return Err(Error::input(
                    "shipment",
                    format!("{shipment:?} is not on trip {:?}", input.trip_id),
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(at) = input.occurred_at {
        if at > now + chrono::Duration::minutes(FUTURE_SLACK_MINUTES) {
            return Err(Error::input("occurred_at", "must not be in the future"));
        }
        if at < now - chrono::Duration::days(BACKDATE_MAX_DAYS) {
            return Err(Error::input(
                "occurred_at",
                format!("must be within the last {BACKDATE_MAX_DAYS} days"),
            ));
        }
    }
    Ok(())
}

/// The rules of an event that need neither the trip nor the clock, normalizing as it goes
/// (trimmed port and note, upper-case shipment): which fields each kind takes and requires,
/// the port's form, the note's length and characters. The phone applies them when the driver
/// records ([`check`]) and the fleet server to every uploaded event ([`check_wire`]): one
/// implementation, so the server accepts exactly what its phone would have.
pub fn check_fields(input: &mut EventInput) -> Result<()> {
    use EventKind as K;
    let kind = input.kind;
    let not_used = |field: &str| Error::input(field, format!("is not used with {kind} events"));
    // Which optional fields each kind takes.
    let takes_port = matches!(kind, K::ArrivedAtBorder | K::InInspection | K::Released);
    let takes_shipment = matches!(kind, K::ArrivedAtConsignee | K::Delivered | K::Exception);
    if input.port.is_some() && !takes_port {
        return Err(not_used("port"));
    }
    if input.shipment.is_some() && !takes_shipment {
        return Err(not_used("shipment"));
    }
    if input.inspection.is_some() && kind != K::InInspection {
        return Err(not_used("inspection"));
    }
    if input.corrects.is_some() && kind != K::Correction {
        return Err(not_used("corrects"));
    }
    if let Some(port) = &mut input.port {
        *port = port.trim().to_string();
        if !(port.len() == 4 && port.bytes().all(|b| b.is_ascii_digit())) {
            return Err(Error::input(
                "port",
                format!("{port:?} must be 4 digits with leading zeros (e.g. 0453)"),
            ));
        }
    }
    if let Some(shipment) = &mut input.shipment {
        *shipment = shipment.trim().to_ascii_uppercase();
        if shipment.is_empty() || shipment.chars().count() > SHIPMENT_MAX {
            return Err(Error::input(
                "shipment",
                format!("must be 1–{SHIPMENT_MAX} characters"),
            ));
        }
        if let Some(rule) = crate::limits::text_rule(shipment, false) {
            return Err(Error::input("shipment", rule));
        }
    } else if kind == K::Delivered {
        return Err(Error::input("shipment", "is required for delivered events"));
    }
    if kind == K::InInspection && input.inspection.is_none() {
        return Err(Error::input(
            "inspection",
            "is required for in_inspection events (primary or secondary)",
        ));
    }
    if kind == K::Correction && input.corrects.is_none() {
        return Err(Error::input(
            "corrects",
            "is required for correction events (the id of the event it corrects)",
        ));
    }
    if let Some(note) = &mut input.note {
        *note = note.trim().to_string();
        if note.is_empty() {
            input.note = None;
        } else if note.chars().count() > NOTE_MAX {
            return Err(Error::input(
                "note",
                format!("must be at most {NOTE_MAX} characters"),
            ));
        } else if let Some(rule) = crate::limits::text_rule(note, true) {
            return Err(Error::input("note", rule));
        }
    }
    if matches!(kind, K::Exception | K::Correction) && input.note.is_none() {
        return Err(Error::input(
            "note",
            format!("is required for {kind} events: say what happened"),
        ));
    }
    Ok(())
}

/// An uploaded event read as the phone would have recorded it: its kind, inspection level and
/// `occurred_at` parsed, then [`check_fields`]. The server's refusal reasons are these errors.
pub fn check_wire(e: &crate::protocol::WireEvent) -> Result<EventInput> {
    let kind = e.kind.parse::<EventKind>().map_err(|_| {
        Error::input(
            "kind",
            format!("{:?} is not an event kind", truncate(&e.kind)),
        )
    })?;
    let inspection = match &e.inspection {
        None => None,
        Some(i) => Some(i.parse::<Inspection>().map_err(|_| {
            Error::input(
                "inspection",
                format!("{:?} must be primary or secondary", truncate(i)),
            )
        })?),
    };
    let occurred_at = DateTime::parse_from_rfc3339(&e.occurred_at).map_err(|_| {
        Error::input(
            "occurred_at",
            "must be an RFC 3339 date-time with an offset",
        )
    })?;
    let mut input = EventInput {
        trip_id: e.trip_id.clone(),
        kind,
        port: e.port.clone(),
        shipment: e.shipment.clone(),
        inspection,
        corrects: e.corrects.clone(),
        note: e.note.clone(),
        occurred_at: Some(occurred_at),
    };
    check_fields(&mut input)?;
    Ok(input)
}

/// At most [`crate::limits::MAX_ECHOED_CHARS`] characters of a refused value, for messages.
fn truncate(s: &str) -> String {
    s.chars().take(crate::limits::MAX_ECHOED_CHARS).collect()
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
