//! The trip cache: trips exactly as the fleet last sent them.
//!
//! Server-authoritative: a trip with a version lower than or equal to the stored one is a
//! no-op. Cancellation and unassignment keep a small tombstone (id, version, trip number,
//! state) and drop the manifest, so the driver can be told and no personal data stays.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::customs::CustomsState;
use crate::error::{Error, Issue, Result};
use crate::format;
use crate::model::{Regime, Trip};
use crate::protocol::{ChangeOp, ChangesPage, TombstoneReason};

/// Where a stored trip stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TripState {
    /// Assigned to this driver and current.
    Active,
    /// Cancelled by the fleet (tombstone).
    Cancelled,
    /// Taken off this driver (tombstone).
    Unassigned,
    /// Done; personal data purged (tombstone).
    Finished,
}

impl TripState {
    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            TripState::Active => "active",
            TripState::Cancelled => "cancelled",
            TripState::Unassigned => "unassigned",
            TripState::Finished => "finished",
        }
    }

    fn from_db(s: &str) -> Result<Self> {
        match s {
            "active" => Ok(TripState::Active),
            "cancelled" => Ok(TripState::Cancelled),
            "unassigned" => Ok(TripState::Unassigned),
            "finished" => Ok(TripState::Finished),
            other => Err(Error::Corrupt(format!("trip state {other:?}"))),
        }
    }
}

/// A trip row without its manifest: what lists show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripSummary {
    /// Fleet trip id.
    pub id: String,
    /// Stored version.
    pub version: i64,
    /// ACI or ACE.
    pub regime: Regime,
    /// CRN or ACE trip number.
    pub trip_number: String,
    /// First port of arrival.
    pub port_of_entry: String,
    /// ETA, local time at the port.
    pub eta_local: String,
    /// IANA zone of the ETA.
    pub eta_zone: String,
    /// Active or a tombstone state.
    pub state: TripState,
    /// When this version arrived on the device.
    pub received_at: String,
}

/// A stored trip: its summary, the manifest (absent for tombstones) and its warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTrip {
    /// Row data.
    pub summary: TripSummary,
    /// The trip document; `None` once cancelled, unassigned or purged.
    pub manifest: Option<Trip>,
    /// Validation warnings kept from import.
    pub warnings: Vec<Issue>,
    /// Where customs stands, as the fleet last relayed it (`None`: nothing reported).
    pub customs: Option<CustomsState>,
}

/// What storing a trip did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum ApplyOutcome {
    /// A trip not seen before.
    Inserted,
    /// A newer version replaced the stored one.
    Updated {
        /// The version it replaced.
        previous: i64,
    },
    /// The stored version is the same or newer: nothing changed.
    Unchanged {
        /// The version kept.
        stored: i64,
    },
}

const SUMMARY_COLUMNS: &str =
    "id, version, regime, trip_number, port_of_entry, eta_local, eta_zone, state, received_at";

fn summary_row(
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(TripSummaryRaw, Option<String>, String)> {
    Ok((
        TripSummaryRaw {
            id: r.get(0)?,
            version: r.get(1)?,
            regime: r.get(2)?,
            trip_number: r.get(3)?,
            port_of_entry: r.get(4)?,
            eta_local: r.get(5)?,
            eta_zone: r.get(6)?,
            state: r.get(7)?,
            received_at: r.get(8)?,
        },
        r.get(9)?,
        r.get(10)?,
    ))
}

struct TripSummaryRaw {
    id: String,
    version: i64,
    regime: String,
    trip_number: String,
    port_of_entry: String,
    eta_local: String,
    eta_zone: String,
    state: String,
    received_at: String,
}

impl TripSummaryRaw {
    fn finish(self) -> Result<TripSummary> {
        let regime = match self.regime.as_str() {
            "ACI" => Regime::Aci,
            "ACE" => Regime::Ace,
            other => return Err(Error::Corrupt(format!("trip regime {other:?}"))),
        };
        Ok(TripSummary {
            state: TripState::from_db(&self.state)?,
            id: self.id,
            version: self.version,
            regime,
            trip_number: self.trip_number,
            port_of_entry: self.port_of_entry,
            eta_local: self.eta_local,
            eta_zone: self.eta_zone,
            received_at: self.received_at,
        })
    }
}

/// Stores a validated trip unless the stored version is the same or newer (own transaction).
pub(crate) fn apply(
    conn: &mut Connection,
    trip: &Trip,
    warnings: &[Issue],
    now: &str,
) -> Result<ApplyOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let outcome = apply_in(&tx, trip, warnings, now)?;
    tx.commit()?;
    Ok(outcome)
}

/// Stores a validated trip inside the caller's transaction. On an amendment, the replaced
/// manifest becomes the base the driver compares against, unless a base is already kept.
pub(crate) fn apply_in(
    tx: &Connection,
    trip: &Trip,
    warnings: &[Issue],
    now: &str,
) -> Result<ApplyOutcome> {
    let manifest = format::to_json(trip).map_err(|e| Error::Corrupt(e.to_string()))?;
    let warnings = serde_json::to_string(warnings).map_err(|e| Error::Corrupt(e.to_string()))?;
    let version =
        i64::try_from(trip.version).map_err(|_| Error::input("version", "is too large"))?;
    let stored: Option<(i64, String)> = tx
        .query_row(
            "SELECT version, state FROM trip WHERE id = ?1",
            params![trip.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let outcome = match stored {
        // A trip taken off the driver and given back comes back at the same version.
        Some((s, state)) if state == TripState::Unassigned.as_str() && s <= version => {
            ApplyOutcome::Updated { previous: s }
        }
        Some((s, _)) if s >= version => return Ok(ApplyOutcome::Unchanged { stored: s }),
        Some((s, _)) => ApplyOutcome::Updated { previous: s },
        None => ApplyOutcome::Inserted,
    };
    if let ApplyOutcome::Updated { .. } = outcome {
        // Keep what the driver last acknowledged (or first saw) to show what changed.
        tx.execute(
            "UPDATE trip SET base_version = version, base_manifest = manifest
             WHERE id = ?1 AND base_version IS NULL AND manifest IS NOT NULL AND state = 'active'",
            params![trip.id],
        )?;
    }
    tx.execute(
        "INSERT INTO trip (id, version, regime, trip_number, port_of_entry, eta_local, eta_zone,
                           state, manifest, warnings, received_at, state_changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8, ?9, ?10, ?10)
         ON CONFLICT (id) DO UPDATE SET
           version = excluded.version, regime = excluded.regime,
           trip_number = excluded.trip_number, port_of_entry = excluded.port_of_entry,
           eta_local = excluded.eta_local, eta_zone = excluded.eta_zone, state = 'active',
           manifest = excluded.manifest, warnings = excluded.warnings,
           received_at = excluded.received_at, state_changed_at = excluded.state_changed_at",
        params![
            trip.id,
            version,
            trip.regime.as_str(),
            trip.trip_number,
            trip.port_of_entry,
            trip.eta.local,
            trip.eta.zone,
            manifest,
            warnings,
            now,
        ],
    )?;
    Ok(outcome)
}

/// Other active trips that use the same trip number (a CRN / trip number must be unique).
pub(crate) fn trip_number_clashes(conn: &Connection, trip: &Trip) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM trip WHERE trip_number = ?1 AND id <> ?2 AND state = 'active' ORDER BY id",
    )?;
    let ids = stmt
        .query_map(params![trip.trip_number, trip.id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Turns a trip into a tombstone (cancelled, unassigned or finished), dropping its manifest.
/// A tombstone older than the stored version is ignored. Returns whether anything changed.
pub(crate) fn tombstone(
    conn: &mut Connection,
    id: &str,
    version: Option<i64>,
    state: TripState,
    now: &str,
) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let changed = tombstone_in(&tx, id, version, state, now)?
        .ok_or_else(|| Error::UnknownTrip(id.to_string()))?;
    tx.commit()?;
    if changed {
        scrub(conn)?;
    }
    Ok(changed)
}

/// Tombstone inside the caller's transaction. `None` when the trip is unknown.
pub(crate) fn tombstone_in(
    tx: &Connection,
    id: &str,
    version: Option<i64>,
    state: TripState,
    now: &str,
) -> Result<Option<bool>> {
    let stored: Option<(i64, String)> = tx
        .query_row(
            "SELECT version, state FROM trip WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((stored_version, stored_state)) = stored else {
        return Ok(None);
    };
    let version = version.unwrap_or(stored_version);
    if version < stored_version || stored_state == state.as_str() {
        return Ok(Some(false));
    }
    tx.execute(
        "UPDATE trip SET version = ?2, state = ?3, manifest = NULL, warnings = '[]',
                         base_version = NULL, base_manifest = NULL, state_changed_at = ?4
         WHERE id = ?1",
        params![id, version, state.as_str(), now],
    )?;
    tx.execute("DELETE FROM customs WHERE trip_id = ?1", params![id])?;
    Ok(Some(true))
}

/// Moves freed pages (zeroed by `secure_delete`) out of the WAL too, so removed personal
/// data leaves the files.
pub(crate) fn scrub(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// The driver acknowledged `version`: if it is the current one, the amendment banner clears.
pub(crate) fn acknowledge(conn: &Connection, id: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE trip SET base_version = NULL, base_manifest = NULL WHERE id = ?1 AND version = ?2",
        params![id, version],
    )?;
    Ok(())
}

/// The manifest the driver last acknowledged (or first received) before an amendment.
pub(crate) fn base(conn: &Connection, id: &str) -> Result<Option<(i64, Trip)>> {
    let row: Option<(Option<i64>, Option<String>)> = conn
        .query_row(
            "SELECT base_version, base_manifest FROM trip WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((Some(v), Some(m))) => {
            let trip = serde_json::from_slice(m.as_bytes())
                .map_err(|e| Error::Corrupt(format!("trip {id} base: {e}")))?;
            Ok(Some((v, trip)))
        }
        _ => Ok(None),
    }
}

/// The saved cursor of a feed (`None`: pull a snapshot).
pub(crate) fn cursor(conn: &Connection, feed: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT cursor FROM sync_cursor WHERE feed = ?1",
            params![feed],
            |r| r.get(0),
        )
        .optional()?)
}

/// Saves (or clears, with `None`) a feed cursor, inside the caller's transaction.
pub(crate) fn set_cursor(tx: &Connection, feed: &str, cursor: Option<&str>) -> Result<()> {
    match cursor {
        Some(c) => tx.execute(
            "INSERT INTO sync_cursor (feed, cursor) VALUES (?1, ?2)
             ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor",
            params![feed, c],
        )?,
        None => tx.execute("DELETE FROM sync_cursor WHERE feed = ?1", params![feed])?,
    };
    Ok(())
}

/// Marks a trip as seen in snapshot generation `gen`.
pub(crate) fn mark_seen(tx: &Connection, id: &str, gen: i64) -> Result<()> {
    tx.execute(
        "UPDATE trip SET seen_gen = ?2 WHERE id = ?1",
        params![id, gen],
    )?;
    Ok(())
}

/// Ends a snapshot: every active trip not seen in `gen` is no longer assigned.
pub(crate) fn unassign_unseen(tx: &Connection, gen: i64, now: &str) -> Result<Vec<String>> {
    let ids: Vec<String> = tx
        .prepare("SELECT id FROM trip WHERE state = 'active' AND seen_gen < ?1")?
        .query_map(params![gen], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        tombstone_in(tx, id, None, TripState::Unassigned, now)?;
    }
    Ok(ids)
}

/// Every stored trip, active ones first by ETA, then tombstones.
pub(crate) fn list(conn: &Connection) -> Result<Vec<TripSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, NULL, '' FROM trip
         ORDER BY state <> 'active', eta_local, id"
    ))?;
    let rows = stmt.query_map([], summary_row)?;
    rows.map(|r| r.map_err(Error::from).and_then(|(s, _, _)| s.finish()))
        .collect()
}

/// One trip with its manifest.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<StoredTrip> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, manifest, warnings FROM trip WHERE id = ?1"
    ))?;
    let (raw, manifest, warnings) = stmt
        .query_row(params![id], summary_row)
        .optional()?
        .ok_or_else(|| Error::UnknownTrip(id.to_string()))?;
    let manifest = manifest
        .map(|m| serde_json::from_slice::<Trip>(m.as_bytes()))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("trip {id}: {e}")))?;
    let warnings = serde_json::from_str(&warnings)
        .map_err(|e| Error::Corrupt(format!("trip {id} warnings: {e}")))?;
    let customs: Option<String> = conn
        .prepare_cached("SELECT doc FROM customs WHERE trip_id = ?1")?
        .query_row(params![id], |r| r.get(0))
        .optional()?;
    // `from_slice`, as the feed page is read: one set of instantiations of the parser.
    let customs = customs
        .map(|c| serde_json::from_slice::<CustomsState>(c.as_bytes()))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("trip {id} customs: {e}")))?;
    Ok(StoredTrip {
        summary: raw.finish()?,
        manifest,
        warnings,
        customs,
    })
}

/// A trip's summary row, read without parsing its manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SummaryRow {
    /// The summary.
    pub summary: TripSummary,
    /// Whether the manifest is on the device (not a tombstone).
    pub has_manifest: bool,
}

/// One trip's summary and whether its manifest is on the device, without parsing the manifest.
pub(crate) fn summary(conn: &Connection, id: &str) -> Result<SummaryRow> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, NULL, '[]', manifest IS NOT NULL FROM trip WHERE id = ?1"
    ))?;
    let (raw, has_manifest) = stmt
        .query_row(params![id], |r| {
            Ok((summary_row(r)?.0, r.get::<_, bool>(11)?))
        })
        .optional()?
        .ok_or_else(|| Error::UnknownTrip(id.to_string()))?;
    Ok(SummaryRow {
        summary: raw.finish()?,
        has_manifest,
    })
}

/// The id of the current trip: the active trip with the earliest ETA.
pub(crate) fn current_id(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM trip WHERE state = 'active' ORDER BY eta_local, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// What recording an event needs to know about a cached trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventContext {
    /// The trip's version (the one the driver is looking at).
    pub version: i64,
    /// Its port of entry (the default border port of an arrival).
    pub port: String,
    /// Whether its manifest is still on the device (not a tombstone).
    pub has_manifest: bool,
}

/// What recording an event needs to know about a trip. Cheap: no JSON is parsed.
pub(crate) fn event_context(conn: &Connection, id: &str) -> Result<EventContext> {
    conn.prepare_cached(
        "SELECT version, port_of_entry, manifest IS NOT NULL FROM trip WHERE id = ?1",
    )?
    .query_row(params![id], |r| {
        Ok(EventContext {
            version: r.get(0)?,
            port: r.get(1)?,
            has_manifest: r.get(2)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::UnknownTrip(id.to_string()))
}

/// Drops a finished trip's manifest and personal data, keeping a tombstone in `state`.
pub(crate) fn purge(conn: &Connection, id: &str, state: TripState) -> Result<()> {
    conn.execute(
        "UPDATE trip SET manifest = NULL, warnings = '[]', state = ?2,
                         base_version = NULL, base_manifest = NULL
         WHERE id = ?1",
        params![id, state.as_str()],
    )?;
    scrub(conn)
}

/// Deletes every cached trip and feed cursor (they can be pulled again).
pub(crate) fn wipe(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM trip", [])?;
    conn.execute("DELETE FROM customs", [])?;
    conn.execute("DELETE FROM sync_cursor", [])?;
    scrub(conn)
}

/// The feed name of the trips cursor.
pub(crate) const TRIPS_FEED: &str = "trips";
/// Where the current snapshot generation is kept.
const SNAPSHOT_GEN: &str = "snapshot_gen";

/// A received trip, normalized and validated (device policy), with the warnings to show.
#[derive(Debug, Clone)]
pub(crate) struct PreparedTrip {
    /// The trip.
    pub trip: Trip,
    /// Its warnings, trip-number clashes included.
    pub warnings: Vec<Issue>,
}

/// What one change-feed page did to the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageCounts {
    /// Trips stored or amended.
    pub updated: usize,
    /// Trips removed (tombstoned, or missing from a finished snapshot).
    pub removed: usize,
    /// Trips whose customs standing changed.
    pub customs: usize,
}

/// Applies one change-feed page and its cursor in one transaction. `prepared` holds, for each
/// change in order, its checked trip (`None` for a tombstone). In a snapshot, trips the server
/// no longer lists are unassigned once its last page is in; `snapshot_start` opens a new
/// generation for that count.
pub(crate) fn apply_page(
    conn: &mut Connection,
    page: &ChangesPage,
    prepared: &[Option<PreparedTrip>],
    snapshot_start: bool,
    now: &str,
) -> Result<PageCounts> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let gen = snapshot_generation(&tx, page.snapshot, snapshot_start)?;
    let mut counts = PageCounts::default();
    for (change, prep) in page.changes.iter().zip(prepared) {
        match (change.op, prep) {
            (ChangeOp::Upsert, Some(p)) => {
                let outcome = apply_in(&tx, &p.trip, &p.warnings, now)?;
                if !matches!(outcome, ApplyOutcome::Unchanged { .. }) {
                    counts.updated += 1;
                }
                if page.snapshot {
                    mark_seen(&tx, &p.trip.id, gen)?;
                }
                if let Some(c) = &change.customs {
                    counts.customs += usize::from(set_customs(&tx, &change.id, c, now)?);
                }
            }
            (ChangeOp::Customs, _) => {
                if let Some(c) = &change.customs {
                    counts.customs += usize::from(set_customs(&tx, &change.id, c, now)?);
                }
            }
            // A kind a newer server sends that this version does not know.
            (ChangeOp::Unknown, _) => {}
            (ChangeOp::Tombstone, _) => {
                let state = match change.reason {
                    Some(TombstoneReason::Cancelled) => TripState::Cancelled,
                    _ => TripState::Unassigned,
                };
                if tombstone_in(&tx, &change.id, Some(change.version), state, now)? == Some(true) {
                    counts.removed += 1;
                }
            }
            (ChangeOp::Upsert, None) => {}
        }
    }
    if page.snapshot && !page.has_more {
        counts.removed += unassign_unseen(&tx, gen, now)?.len();
    }
    set_cursor(&tx, TRIPS_FEED, Some(&page.next_cursor))?;
    tx.commit()?;
    if counts.removed > 0 {
        scrub(conn)?;
    }
    Ok(counts)
}

/// Stores a trip's customs standing, for an active trip the phone holds. Whether it changed.
fn set_customs(tx: &Connection, id: &str, state: &CustomsState, now: &str) -> Result<bool> {
    let doc = serde_json::to_string(state).map_err(|e| Error::Corrupt(e.to_string()))?;
    let n = tx.execute(
        "INSERT INTO customs (trip_id, doc, received_at)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM trip WHERE id = ?1 AND state = 'active')
         ON CONFLICT (trip_id) DO UPDATE SET doc = excluded.doc, received_at = excluded.received_at
             WHERE doc IS NOT excluded.doc",
        params![id, doc, now],
    )?;
    Ok(n > 0)
}

/// The snapshot generation a page's trips are marked with (0 outside a snapshot).
fn snapshot_generation(tx: &Connection, snapshot: bool, start: bool) -> Result<i64> {
    if !snapshot {
        return Ok(0);
    }
    if start {
        let g: i64 = tx.query_row("SELECT coalesce(max(seen_gen), 0) + 1 FROM trip", [], |r| {
            r.get(0)
        })?;
        set_cursor(tx, SNAPSHOT_GEN, Some(&g.to_string()))?;
        Ok(g)
    } else {
        Ok(cursor(tx, SNAPSHOT_GEN)?
            .and_then(|g| g.parse().ok())
            .unwrap_or(1))
    }
}
