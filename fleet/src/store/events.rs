//! Status events (`event` table): an upload checked event by event (the phone's own field
//! rules, then the trip's), stored exactly once, flagged for the manager, paged back out.

use super::*;

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
) -> Result<(Vec<ServerEvent>, bool), StoreError> {
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

/// The rules an event must meet on its own, as its phone applies them: canonical ids, counters,
/// and `crossing_trip::event::check_wire` (the phone's field rules, one implementation).
/// Returns the event's recorded time, or the field and rule it broke.
pub(super) fn check_event(e: &WireEvent) -> Result<DateTime<chrono::FixedOffset>, String> {
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
pub(super) struct TripFacts {
    version: i64,
    cancelled: bool,
    port: String,
    shipments: std::collections::HashSet<String>,
    created_at: Option<DateTime<Utc>>,
}

pub(super) fn trip_facts(tx: &Connection, id: &str) -> Result<TripFacts, StoreError> {
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
pub(super) fn trip_rules(
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
pub(super) fn recorded_before(occurred_at: &str, ended: &str) -> bool {
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
pub(super) fn add_flag(tx: &Connection, event_id: &str, flag: &str) -> Result<(), StoreError> {
    let stored: String = tx.query_row(
        "SELECT flags FROM event WHERE event_id = ?1",
        params![event_id],
        |r| r.get(0),
    )?;
    let mut flags: Vec<String> = serde_json::from_str(&stored).unwrap_or_default();
    if !flags.iter().any(|f| f == flag) {
        flags.push(flag.to_string());
        let json = serde_json::to_string(&flags)
            .map_err(|e| StoreError::internal(format!("flags: {e}")))?;
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
pub(super) fn resolve_trip(
    tx: &Connection,
    named: &str,
    driver: &str,
) -> Result<Option<String>, StoreError> {
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
pub(super) fn same_event(
    tx: &Connection,
    e: &WireEvent,
    trip_key: &str,
    device_id: &str,
    driver: &str,
) -> Result<Option<bool>, StoreError> {
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
pub(super) const SKEW_FLAG_MS: i64 = 5 * 60 * 1000;

/// Stores an upload: per-event results, de-duplicated by event id, all in one transaction.
pub fn upload_events(
    conn: &mut Connection,
    driver: &str,
    batch: &EventsUpload,
    received: DateTime<Utc>,
) -> Result<Vec<EventResult>, StoreError> {
    if batch.events.len() > crossing_trip::protocol::MAX_BATCH_EVENTS {
        return Err(StoreError::too_large(format!(
            "events: at most {} per request",
            crossing_trip::protocol::MAX_BATCH_EVENTS
        )));
    }
    let sent_at = DateTime::parse_from_rfc3339(&batch.sent_at)
        .map_err(|_| StoreError::invalid("sent_at", "must be an RFC 3339 date-time"))?;
    let upload = Upload {
        driver,
        batch,
        sent_at,
        received,
        received_at: received.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        skew_ms: (received - sent_at.with_timezone(&Utc)).num_milliseconds(),
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let owner: Option<String> = tx
        .query_row(
            "SELECT driver FROM device WHERE device_id = ?1",
            params![batch.device_id],
            |r| r.get(0),
        )
        .optional()?;
    if owner.as_deref() != Some(driver) {
        return Err(StoreError::device_unknown());
    }
    let mut trips = std::collections::HashMap::new();
    let mut results = Vec::with_capacity(batch.events.len());
    for e in &batch.events {
        results.push(upload_one(&tx, &upload, e, &mut trips)?);
    }
    tx.commit()?;
    Ok(results)
}

/// What every event of one upload shares.
struct Upload<'a> {
    driver: &'a str,
    batch: &'a EventsUpload,
    sent_at: DateTime<chrono::FixedOffset>,
    received: DateTime<Utc>,
    received_at: String,
    skew_ms: i64,
}

fn answer(e: &WireEvent, status: ResultStatus, flags: Vec<String>) -> EventResult {
    EventResult {
        event_id: e.event_id.clone(),
        status,
        code: None,
        retryable: None,
        reason: None,
        flags,
    }
}

fn refused(e: &WireEvent, code: &str, reason: Option<String>) -> EventResult {
    EventResult {
        code: Some(code.to_string()),
        retryable: Some(false),
        reason,
        ..answer(e, ResultStatus::Rejected, Vec::new())
    }
}

/// One event of an upload, in order: its own fields, the trip it names and whether this driver
/// may post to it, de-duplication, the trip's rules, then the flags the manager sees. A refusal
/// is an answer; only a storage failure is an error (and rolls the whole upload back).
fn upload_one(
    tx: &Connection,
    up: &Upload<'_>,
    e: &WireEvent,
    trips: &mut std::collections::HashMap<String, TripFacts>,
) -> Result<EventResult, StoreError> {
    let occurred = match check_event(e) {
        Ok(at) => at,
        Err(why) => return Ok(refused(e, "INVALID_EVENT", Some(why))),
    };
    // Ownership first, then de-duplication: whether an id exists is told only to a driver who
    // may post to the trip (an id of another driver's event is never confirmed).
    let Some(key) = resolve_trip(tx, &e.trip_id, up.driver)? else {
        return Ok(refused(e, "UNKNOWN_TRIP", None));
    };
    let mut flags = match assignment_flags(tx, e, &key, up.driver)? {
        Ok(flags) => flags,
        Err(code) => return Ok(refused(e, code, None)),
    };
    match same_event(tx, e, &key, &up.batch.device_id, up.driver)? {
        Some(true) => return Ok(answer(e, ResultStatus::Duplicate, Vec::new())),
        Some(false) => {
            // The same id with other facts: refused, and the stored event is flagged so the
            // manager sees that a conflicting copy was sent.
            add_flag(tx, &e.event_id, "id_conflict")?;
            return Ok(refused(e, "CONFLICT", None));
        }
        None => {}
    }
    if !trips.contains_key(&key) {
        trips.insert(key.clone(), trip_facts(tx, &key)?);
    }
    let Some(trip) = trips.get(&key) else {
        return Ok(refused(e, "UNKNOWN_TRIP", None));
    };
    match trip_rules(e, occurred, trip, up.sent_at, up.received) {
        Ok(more) => flags.extend(more),
        Err(why) => return Ok(refused(e, "INVALID_EVENT", Some(why))),
    }
    flags.extend(history_flags(tx, up, e, &key)?);
    insert_event(tx, up, e, &key, &flags)?;
    Ok(answer(e, ResultStatus::Accepted, flags))
}

/// Whether `driver` may post this event to the trip: `Ok` with the flags it then carries,
/// `Err` with the refusal code. A trip taken from the driver keeps what they recorded while it
/// was theirs (offline, sent late), flagged `unassigned`; anything dated after is refused.
fn assignment_flags(
    tx: &Connection,
    e: &WireEvent,
    key: &str,
    driver: &str,
) -> Result<Result<Vec<String>, &'static str>, StoreError> {
    let assignment: Option<Option<String>> = tx
        .query_row(
            "SELECT ended_at FROM assignment WHERE trip_id = ?1 AND driver = ?2",
            params![key, driver],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match assignment {
        None => Err("UNKNOWN_TRIP"),
        Some(None) => Ok(Vec::new()),
        Some(Some(ended)) if recorded_before(&e.occurred_at, &ended) => {
            Ok(vec!["unassigned".to_string()])
        }
        Some(Some(_)) => Err("NOT_ASSIGNED"),
    })
}

/// Flags from what the server already holds: a correction of an event it does not know, a gap
/// in the device's sequence, a device clock off by more than [`SKEW_FLAG_MS`].
fn history_flags(
    tx: &Connection,
    up: &Upload<'_>,
    e: &WireEvent,
    key: &str,
) -> Result<Vec<String>, StoreError> {
    let mut flags = Vec::new();
    if let Some(target) = &e.corrects {
        let known: bool = tx
            .query_row(
                "SELECT 1 FROM event WHERE event_id = ?1 AND trip_id = ?2 AND driver = ?3",
                params![target, key, up.driver],
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
                params![up.batch.device_id, e.device_seq - 1],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !previous {
            flags.push("sequence_gap".to_string());
        }
    }
    if up.skew_ms.abs() > SKEW_FLAG_MS {
        flags.push("clock_skew".to_string());
    }
    Ok(flags)
}

fn insert_event(
    tx: &Connection,
    up: &Upload<'_>,
    e: &WireEvent,
    key: &str,
    flags: &[String],
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO event (event_id, device_id, driver, trip_id, trip_version_seen, device_seq,
                            kind, port, shipment, inspection, corrects, note, occurred_at, sent_at,
                            received_at, skew_ms, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            e.event_id,
            up.batch.device_id,
            up.driver,
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
            up.batch.sent_at,
            up.received_at,
            up.skew_ms,
            serde_json::to_string(flags).unwrap_or_else(|_| "[]".into()),
        ],
    )?;
    Ok(())
}
