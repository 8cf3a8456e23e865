//! The per-driver change feed (`change_log`): entries written with each trip change, paged
//! out behind epoch-stamped cursors, compacted per driver.

use super::*;

/// Appends a trip version to a driver's change feed.
pub(super) fn log_upsert(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    version: i64,
    doc: &str,
    at: &str,
) -> Result<(), StoreError> {
    log_change(
        tx,
        driver,
        trip_id,
        ("upsert", version, None, Some(doc)),
        at,
    )
}

/// Appends a tombstone (the trip left the driver) to a driver's change feed.
pub(super) fn log_tombstone(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    version: i64,
    reason: TombstoneReason,
    at: &str,
) -> Result<(), StoreError> {
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

/// Appends a trip's customs standing to a driver's change feed (phones that read `customs`).
pub(super) fn log_customs(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    version: i64,
    doc: &str,
    at: &str,
) -> Result<(), StoreError> {
    log_change(
        tx,
        driver,
        trip_id,
        ("customs", version, None, Some(doc)),
        at,
    )
}

/// One row of the change log: (op, version, reason, document).
pub(super) type ChangeRow<'a> = (&'static str, i64, Option<&'static str>, Option<&'a str>);

pub(super) fn log_change(
    tx: &Connection,
    driver: &str,
    trip_id: &str,
    (op, version, reason, doc): ChangeRow<'_>,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO change (driver, trip_id, op, version, reason, doc, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![driver, trip_id, op, version, reason, doc, at],
    )?;
    Ok(())
}

/// Cursor forms: `l2.<epoch>.<seq>` (log position) and `s2.<epoch>.<seq>.<after trip id>`
/// (inside a snapshot taken at log position `seq`). Opaque to clients. The epoch is this
/// database's (`meta`); the `l.`/`s.` forms of protocol v1 before epochs are expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cursor {
    Log(i64),
    Snapshot { at: i64, after: String },
}

/// Why a cursor cannot be used.
pub(super) enum CursorError {
    /// Not something this server writes: 400.
    Malformed,
    /// Written by another database, an older protocol, or pointing past the log (a restored
    /// backup, a second server): 410, the phone pulls a snapshot.
    NotIssuedHere,
}

pub(super) fn parse_cursor(s: &str, epoch: &str, top: i64) -> Result<Cursor, CursorError> {
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

/// One row of the change log: seq, trip id, op, version, reason, document.
pub(super) type LogRow = (i64, String, String, i64, Option<String>, Option<String>);

/// The highest change-log position ever assigned (survives compaction).
pub(super) fn log_top(conn: &Connection) -> Result<i64, StoreError> {
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
pub(super) const PAGE_BYTES: usize = 2 * 1024 * 1024;

/// One page of a driver's change feed: the log after a log cursor, or (no cursor, or a
/// snapshot cursor) a page of the trips assigned now. A cursor of another epoch, or below the
/// driver's compacted floor, is gone (410).
/// `customs`: the client reads `customs` changes ([`crossing_trip::protocol::FEATURE_CUSTOMS`]);
/// without it they are left out, and an older phone never sees a kind it would refuse.
pub fn changes(
    conn: &Connection,
    driver: &str,
    cursor: Option<&str>,
    limit: usize,
    customs: bool,
    now: DateTime<Utc>,
) -> Result<ChangesPage, StoreError> {
    let page = PageAsk {
        driver,
        customs,
        limit: limit.clamp(1, crossing_trip::protocol::MAX_PAGE_CHANGES),
        epoch: epoch(conn)?,
        server_time: stamp(now),
    };
    let top = log_top(conn)?;
    let start = match cursor.filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => match parse_cursor(c, &page.epoch, top) {
            Ok(cursor) => Some(cursor),
            Err(CursorError::NotIssuedHere) => return Err(StoreError::gone()),
            Err(CursorError::Malformed) => {
                return Err(StoreError::invalid(
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
    let (at, after) = match start {
        Some(Cursor::Log(pos)) if pos < floor => return Err(StoreError::gone()),
        Some(Cursor::Log(pos)) => return log_page(conn, &page, pos),
        Some(Cursor::Snapshot { at, after }) => (at, after),
        None => (top, String::new()),
    };
    if at < floor {
        return Err(StoreError::gone());
    }
    snapshot_page(conn, &page, at, after)
}

/// What one page request shares.
pub(super) struct PageAsk<'a> {
    driver: &'a str,
    customs: bool,
    limit: usize,
    epoch: String,
    server_time: String,
}

/// The driver's log after position `pos`, at most `limit` entries and about [`PAGE_BYTES`].
fn log_page(conn: &Connection, page: &PageAsk<'_>, pos: i64) -> Result<ChangesPage, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, trip_id, op, version, reason, doc FROM change
         WHERE driver = ?1 AND seq > ?2 AND (?4 OR op != 'customs') ORDER BY seq LIMIT ?3",
    )?;
    let rows: Vec<LogRow> = stmt
        .query_map(
            params![page.driver, pos, page.limit as i64 + 1, page.customs],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )?
        .collect::<Result<_, _>>()?;
    let mut has_more = rows.len() > page.limit;
    let mut changes = Vec::new();
    let mut next = pos;
    let mut bytes = 0;
    for (seq, id, op, version, reason, doc) in rows.into_iter().take(page.limit) {
        if bytes > PAGE_BYTES {
            has_more = true;
            break;
        }
        bytes += doc.as_ref().map_or(64, String::len);
        changes.push(log_change_of(id, op, version, reason, doc)?);
        next = seq;
    }
    Ok(ChangesPage {
        changes,
        next_cursor: format!("l2.{}.{next}", page.epoch),
        has_more,
        server_time: page.server_time.clone(),
        snapshot: false,
    })
}

/// A log row as the change the phone applies.
fn log_change_of(
    id: String,
    op: String,
    version: i64,
    reason: Option<String>,
    doc: Option<String>,
) -> Result<Change, StoreError> {
    Ok(match op.as_str() {
        "upsert" => Change {
            op: ChangeOp::Upsert,
            trip: Some(driver_doc(&id, doc.as_deref().unwrap_or("{}"))?),
            id,
            version,
            reason: None,
            customs: None,
        },
        "customs" => Change {
            op: ChangeOp::Customs,
            customs: Some(customs_doc(doc.as_deref().unwrap_or("{}"))?),
            id,
            version,
            reason: None,
            trip: None,
        },
        _ => Change {
            op: ChangeOp::Tombstone,
            id,
            version,
            reason: Some(if reason.as_deref() == Some("cancelled") {
                TombstoneReason::Cancelled
            } else {
                TombstoneReason::Unassigned
            }),
            trip: None,
            customs: None,
        },
    })
}

/// A snapshot of the trips assigned now, paged by trip key after `after`, pinned at log
/// position `at` (where the log resumes once the last page is in).
fn snapshot_page(
    conn: &Connection,
    page: &PageAsk<'_>,
    at: i64,
    after: String,
) -> Result<ChangesPage, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.key, t.version, t.doc, CASE WHEN ?4 THEN c.doc END FROM trip t
         LEFT JOIN customs_state c ON c.key = t.key
         WHERE t.driver = ?1 AND t.state = 'active' AND t.key > ?2 ORDER BY t.key LIMIT ?3",
    )?;
    let rows: Vec<(String, i64, String, Option<String>)> = stmt
        .query_map(
            params![page.driver, after, page.limit as i64 + 1, page.customs],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?
        .collect::<Result<_, _>>()?;
    let mut has_more = rows.len() > page.limit;
    let mut changes = Vec::new();
    let mut last = after;
    let mut bytes = 0;
    for (id, version, doc, customs) in rows.into_iter().take(page.limit) {
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
            customs: customs.as_deref().map(customs_doc).transpose()?,
        });
        last = id;
    }
    let epoch = &page.epoch;
    Ok(ChangesPage {
        changes,
        next_cursor: if has_more {
            format!("s2.{epoch}.{at}.{last}")
        } else {
            format!("l2.{epoch}.{at}")
        },
        has_more,
        server_time: page.server_time.clone(),
        snapshot: true,
    })
}

/// Drops a driver's change log up to the latest position (keeping the trips themselves):
/// older cursors then get 410 and the phone re-pulls a snapshot. Returns rows removed.
pub fn compact_feed(conn: &mut Connection, driver: &str) -> Result<usize, StoreError> {
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
