//! What the web console (`crate::console`) reads and writes: browser sessions (`session`), the
//! audit log of managers' actions (`audit`), trip versions (`trip_version`), assignment history,
//! the board's rows, and the fleet's change stamp for live updates.

use super::*;

/// How long a console session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// Ends after this long without a request.
    pub idle: chrono::Duration,
    /// Ends this long after sign-in, whatever happens.
    pub absolute: chrono::Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits {
            idle: chrono::Duration::hours(2),
            absolute: chrono::Duration::hours(12),
        }
    }
}

/// A signed-in console session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The manager's fleet.
    pub fleet: String,
    /// A short, non-secret name of the session for the audit log (a prefix of its id's hash).
    pub label: String,
    /// When the board was last shown in this session (for the unread-exceptions count).
    pub board_seen_at: String,
}

fn random_hex() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::internal(format!("random: {e}")))?;
    Ok(hex::encode(bytes))
}

/// Opens a session for a manager token: returns the session id to put in the cookie (only its
/// hash is stored). A driver token, or an unknown or revoked one, opens nothing.
pub fn open_session(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
    limits: SessionLimits,
) -> Result<Option<String>, StoreError> {
    let Some(Principal::Manager { fleet }) = authenticate(conn, token)? else {
        return Ok(None);
    };
    let id = random_hex()?;
    let at = stamp(now);
    conn.execute(
        "INSERT INTO session (id_hash, token_hash, fleet, created_at, last_seen_at, expires_at, board_seen_at)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?4)",
        params![
            hash_token(&id),
            hash_token(token),
            fleet,
            at,
            stamp(now + limits.absolute)
        ],
    )?;
    Ok(Some(id))
}

/// The session of a cookie's id, if it is open: not idle too long, not past its end, and its
/// token neither revoked nor gone. `touch`: this use counts as activity (a page or a form; the
/// live stream's checks do not, so an open board alone does not keep a session alive).
pub fn session(
    conn: &Connection,
    id: &str,
    now: DateTime<Utc>,
    limits: SessionLimits,
    touch: bool,
) -> Result<Option<Session>, StoreError> {
    let hash = hash_token(id);
    let at = stamp(now);
    let idle_since = stamp(now - limits.idle);
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT s.fleet, s.board_seen_at FROM session s
             JOIN token t ON t.hash = s.token_hash AND t.revoked_at IS NULL AND t.role = 'manager'
             WHERE s.id_hash = ?1 AND s.expires_at > ?2 AND s.last_seen_at > ?3",
            params![hash, at, idle_since],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((fleet, board_seen_at)) = row else {
        conn.execute("DELETE FROM session WHERE id_hash = ?1", params![hash])?;
        return Ok(None);
    };
    if touch {
        conn.execute(
            "UPDATE session SET last_seen_at = ?2 WHERE id_hash = ?1",
            params![hash, at],
        )?;
    }
    Ok(Some(Session {
        fleet,
        label: hash[..12].to_string(),
        board_seen_at,
    }))
}

/// Ends a session (logout). Idempotent.
pub fn close_session(conn: &Connection, id: &str) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM session WHERE id_hash = ?1",
        params![hash_token(id)],
    )?;
    Ok(())
}

/// Notes that the board was shown now in this session.
pub fn board_seen(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE session SET board_seen_at = ?2 WHERE id_hash = ?1",
        params![hash_token(id), stamp(now)],
    )?;
    Ok(())
}

/// Writes what a manager did through the console (sign-in and sign-out; the actions write
/// theirs in their own transaction, [`console_act`]).
pub fn audit(
    conn: &Connection,
    fleet: &str,
    session: &str,
    action: &str,
    trip_id: Option<&str>,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    audit_in(conn, fleet, session, action, trip_id, detail, &stamp(now))
}

/// [`audit`] inside the caller's transaction.
pub(super) fn audit_in(
    tx: &Connection,
    fleet: &str,
    session: &str,
    action: &str,
    trip_id: Option<&str>,
    detail: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit (fleet, session, action, trip_id, detail, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![fleet, session, action, trip_id, detail, at],
    )?;
    Ok(())
}

/// What a console action does to one trip.
#[derive(Debug)]
pub enum Act {
    /// Store this document as the trip's next version (its version already set).
    Amend(Box<PreparedTrip>),
    /// Cancel the trip.
    Cancel,
    /// Give the trip to this driver.
    Assign(String),
    /// Take the trip off its driver.
    Unassign,
}

/// The trip as the dispatcher's screen showed it: its revision (`updated_at`, moved by every
/// write: a version, a cancellation, an assignment), version, state and driver.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seen {
    /// The revision.
    pub rev: String,
    /// The version shown.
    pub version: i64,
    /// `active` or `cancelled`, as shown.
    pub state: String,
    /// The driver shown (empty: none).
    pub driver: String,
}

/// What [`console_act`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acted {
    /// Done; the audit line.
    Done(String),
    /// Nothing to do (already cancelled, already that driver); nothing written.
    Unchanged(String),
    /// The trip moved since the screen showed it: nothing written. What changed: (field,
    /// before, after), the version's fields included.
    Moved {
        /// The version now.
        version: i64,
        /// The revision now.
        rev: String,
        /// What changed.
        changes: Vec<(String, String, String)>,
    },
}

/// A fleet's trip with its revision: (revision, version, state, driver, document).
pub fn console_trip_rev(
    conn: &Connection,
    fleet: &str,
    id: &str,
) -> Result<(String, i64, String, Option<String>, Trip), StoreError> {
    let rev: String = conn
        .query_row(
            "SELECT updated_at FROM trip WHERE fleet = ?1 AND id = ?2",
            params![fleet, id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found("id", "no such trip in this fleet"))?;
    let (version, state, driver, trip) = console_trip(conn, fleet, id)?;
    Ok((rev, version, state, driver, trip))
}

/// One console action on one trip, in one transaction with its audit line: refused without a
/// write when the trip moved since `seen` (another version, a cancellation, a reassignment).
#[allow(clippy::too_many_arguments)]
pub fn console_act(
    conn: &mut Connection,
    fleet: &str,
    id: &str,
    seen: &Seen,
    act: Act,
    session: &str,
    reason: &str,
    now: DateTime<Utc>,
    diff: impl Fn(&Trip, &Trip) -> Vec<(String, String, String)>,
) -> Result<Acted, StoreError> {
    let at = stamp(now);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (rev, version, state, driver, current) = console_trip_rev(&tx, fleet, id)?;
    if rev != seen.rev {
        let mut changes = Vec::new();
        if state != seen.state {
            changes.push(("state".into(), seen.state.clone(), state.clone()));
        }
        let now_driver = driver.clone().unwrap_or_default();
        if now_driver != seen.driver {
            let show = |d: &str| {
                if d.is_empty() {
                    "-".to_string()
                } else {
                    d.to_string()
                }
            };
            changes.push(("driver".into(), show(&seen.driver), show(&now_driver)));
        }
        if version != seen.version {
            if let Some(old) = trip_version(&tx, fleet, id, seen.version)? {
                changes.extend(diff(&old, &current));
            }
        }
        return Ok(Acted::Moved {
            version,
            rev,
            changes,
        });
    }
    let why = if reason.is_empty() {
        String::new()
    } else {
        format!("; reason: {reason}")
    };
    let (action, line) = match act {
        Act::Amend(prepared) => {
            if state != "active" {
                return Err(StoreError::conflict(
                    "id",
                    "the trip is cancelled; push it again to reactivate it",
                ));
            }
            let out = store_push_in(&tx, fleet, *prepared, None, &at)?;
            (
                "amend",
                format!("version {version} → {} ({}){why}", out.version, out.outcome),
            )
        }
        Act::Cancel => {
            if !cancel_in(&tx, fleet, id, &at)? {
                return Ok(Acted::Unchanged("the trip was already cancelled".into()));
            }
            ("cancel", format!("cancelled version {version}{why}"))
        }
        Act::Assign(d) => {
            if !assign_in(&tx, fleet, id, Some(&d), &at)? {
                return Ok(Acted::Unchanged(format!("the trip was already {d}'s")));
            }
            ("assign", format!("assigned version {version} to {d}{why}"))
        }
        Act::Unassign => {
            if !assign_in(&tx, fleet, id, None, &at)? {
                return Ok(Acted::Unchanged("the trip had no driver".into()));
            }
            ("unassign", format!("unassigned version {version}{why}"))
        }
    };
    audit_in(&tx, fleet, session, action, Some(id), &line, &at)?;
    tx.commit()?;
    Ok(Acted::Done(line))
}

/// A trip pushed through the console, with its audit line, in one transaction.
pub fn console_push(
    conn: &mut Connection,
    fleet: &str,
    prepared: PreparedTrip,
    driver: Option<&str>,
    session: &str,
    now: DateTime<Utc>,
) -> Result<PushOutcome, StoreError> {
    let at = stamp(now);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = store_push_in(&tx, fleet, prepared, driver, &at)?;
    let line = format!(
        "{}: {} as version {}{}",
        out.id,
        out.outcome,
        out.version,
        out.driver
            .as_deref()
            .map(|d| format!(", driver {d}"))
            .unwrap_or_default()
    );
    audit_in(&tx, fleet, session, "push", Some(&out.id), &line, &at)?;
    tx.commit()?;
    Ok(out)
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// When.
    pub at: String,
    /// Which session (the prefix of its id's hash).
    pub session: String,
    /// `push`, `amend`, `cancel`, `assign`, `unassign`, `import`, `sign_in`, `sign_out`.
    pub action: String,
    /// What it said.
    pub detail: String,
}

/// A trip's audit log, oldest first.
pub fn trip_audit(conn: &Connection, fleet: &str, id: &str) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, session, action, detail FROM audit WHERE fleet = ?1 AND trip_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![fleet, id], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            session: r.get(1)?,
            action: r.get(2)?,
            detail: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every stored version of a fleet's trip, oldest first: (version, document, stored at).
pub fn trip_versions(
    conn: &Connection,
    fleet: &str,
    id: &str,
) -> Result<Vec<(i64, Trip, String)>, StoreError> {
    let (key, ..) = fleet_trip(conn, fleet, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT version, doc, at FROM trip_version WHERE key = ?1 ORDER BY version",
    )?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map(params![key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(v, doc, at)| Ok((v, *doc_to_trip(&doc)?, at)))
        .collect()
}

/// One assignment of a trip: driver, since when (unknown before the console), until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentEntry {
    /// Driver.
    pub driver: String,
    /// Since (absent for assignments made before it was recorded).
    pub started_at: Option<String>,
    /// Until (absent while it lasts).
    pub ended_at: Option<String>,
}

/// Who drove a trip, in order.
pub fn trip_assignments(
    conn: &Connection,
    fleet: &str,
    id: &str,
) -> Result<Vec<AssignmentEntry>, StoreError> {
    let (key, ..) = fleet_trip(conn, fleet, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT driver, started_at, ended_at FROM assignment WHERE trip_id = ?1
         ORDER BY coalesce(started_at, ''), rowid",
    )?;
    let rows = stmt.query_map(params![key], |r| {
        Ok(AssignmentEntry {
            driver: r.get(0)?,
            started_at: r.get(1)?,
            ended_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A fleet's trip, active or cancelled: (version, state, driver, document).
pub fn console_trip(
    conn: &Connection,
    fleet: &str,
    id: &str,
) -> Result<(i64, String, Option<String>, Trip), StoreError> {
    let (_, driver, version, state, doc) = fleet_trip(conn, fleet, id)?;
    Ok((version, state, driver, *doc_to_trip(&doc)?))
}

/// One stored version of a fleet's trip.
pub fn trip_version(
    conn: &Connection,
    fleet: &str,
    id: &str,
    version: i64,
) -> Result<Option<Trip>, StoreError> {
    let (key, ..) = fleet_trip(conn, fleet, id)?;
    let doc: Option<String> = conn
        .query_row(
            "SELECT doc FROM trip_version WHERE key = ?1 AND version = ?2",
            params![key, version],
            |r| r.get(0),
        )
        .optional()?;
    doc.map(|d| doc_to_trip(&d).map(|t| *t)).transpose()
}

/// The drivers on a fleet's roster.
pub fn roster(conn: &Connection, fleet: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT driver FROM roster WHERE fleet = ?1 ORDER BY driver")?;
    let rows = stmt.query_map(params![fleet], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What the board needs of one trip, straight from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardTrip {
    /// The fleet's id.
    pub id: String,
    /// Version.
    pub version: i64,
    /// `active` or `cancelled`.
    pub state: String,
    /// Assigned driver.
    pub driver: Option<String>,
    /// The document.
    pub trip: Trip,
    /// When the trip was stored first.
    pub created_at: String,
    /// Its events, in arrival order: (kind, occurred at, received at, flags).
    pub events: Vec<(String, String, String, Vec<String>)>,
    /// Its customs standing, when customs spoke about it.
    pub customs: Option<crossing_trip::customs::CustomsState>,
}

/// Every trip of a fleet, with its events and customs standing.
pub fn board_trips(conn: &Connection, fleet: &str) -> Result<Vec<BoardTrip>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.key, t.id, t.version, t.state, t.driver, t.doc, coalesce(t.created_at, t.updated_at), c.doc
         FROM trip t LEFT JOIN customs_state c ON c.key = t.key WHERE t.fleet = ?1 ORDER BY t.id",
    )?;
    type Row = (
        String,
        String,
        i64,
        String,
        Option<String>,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = stmt
        .query_map(params![fleet], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut events = conn.prepare_cached(
        "SELECT kind, occurred_at, received_at, flags FROM event WHERE trip_id = ?1 ORDER BY server_seq",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (key, id, version, state, driver, doc, created_at, customs) in rows {
        let evs = events
            .query_map(params![key], |r| {
                let flags: String = r.get(3)?;
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    serde_json::from_str(&flags).unwrap_or_default(),
                ))
            })?
            .collect::<Result<_, _>>()?;
        out.push(BoardTrip {
            id,
            version,
            state,
            driver,
            trip: *doc_to_trip(&doc)?,
            created_at,
            events: evs,
            customs: customs.as_deref().map(customs_doc).transpose()?,
        });
    }
    Ok(out)
}

/// The fleet's change stamp: it moves whenever anything on the board may have changed (a trip
/// stored, cancelled or reassigned, an event received, a customs answer). The console's live
/// stream uses it as its event id, so a reconnecting browser that missed a change is told.
pub fn fleet_stamp(conn: &Connection, fleet: &str) -> Result<String, StoreError> {
    let lo = format!("{fleet}:");
    let hi = format!("{fleet};");
    let (trips, events, answers): (Option<String>, Option<i64>, Option<i64>) = conn.query_row(
        "SELECT (SELECT max(updated_at) FROM trip WHERE fleet = ?1),
                (SELECT max(server_seq) FROM event WHERE trip_id >= ?2 AND trip_id < ?3),
                (SELECT max(seq) FROM customs_answer WHERE trip_key >= ?2 AND trip_key < ?3)",
        params![fleet, lo, hi],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let trips = trips.unwrap_or_default();
    let digest = Sha256::digest(format!("{trips}|{events:?}|{answers:?}").as_bytes());
    Ok(hex::encode(&digest[..8]))
}
