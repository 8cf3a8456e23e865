//! Damaged database files: detected when the stores open, never left to fail later.
//!
//! - `cache.db` holds only what the fleet server can send again. A garbage or truncated cache is
//!   deleted (it may hold personal data) and recreated empty; its feed cursor goes with it, so the
//!   next sync pulls a full snapshot.
//! - `outbox.db` holds the driver's events, which exist nowhere else until sent. A damaged outbox
//!   is moved aside (`outbox.damaged-<unix seconds>.db`, never deleted), a fresh one is created,
//!   and every event row that can still be read is copied into it with its facts, sequence and
//!   delivery state unchanged. The device identity is carried over when readable. How many rows
//!   were salvaged and how many could not be read is reported in [`Recovery`].
//!
//! Detection is cheap, so it runs on every open: the header's magic and page count against the
//! file length (a truncated file), and one read of the schema (garbage pages). SQLite's own
//! corruption errors during opening or migrating count too.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use crate::db::{self, Durability, Schema};
use crate::error::{Error, Result};

/// What opening the stores had to repair. All zero / `false` / `None` on a healthy open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// The cache was damaged and was recreated empty (the next sync pulls every trip again).
    pub cache_rebuilt: bool,
    /// Where the damaged outbox was moved (kept, never deleted), if it was damaged.
    pub outbox_moved_to: Option<String>,
    /// Events copied from the damaged outbox into the new one.
    pub events_salvaged: u64,
    /// Events of the damaged outbox known to be lost (at least this many; unknown, so 0, when
    /// not even the device counter could be read).
    pub events_unreadable: u64,
    /// The outbox file was there but empty (0 bytes): whatever it held is gone, and this
    /// install starts again with a new device id and counter (never reusing the old numbers).
    pub outbox_found_empty: bool,
}

/// Whether an error means the file is damaged (as opposed to busy, full, or a bug).
pub(crate) fn is_damage(err: &Error) -> bool {
    matches!(
        err,
        Error::Storage(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Whether the file's header says it is shorter than it should be (or is not SQLite at all).
/// An absent or empty file is fine: SQLite creates it.
fn header_damaged(path: &Path) -> bool {
    use std::io::Read;
    // Only the 100-byte header is read: this runs on every open (cold start).
    let mut bytes = Vec::with_capacity(100);
    let Ok(_) = std::fs::File::open(path).and_then(|f| f.take(100).read_to_end(&mut bytes)) else {
        return false;
    };
    if bytes.is_empty() {
        return false;
    }
    if bytes.len() < 100 || &bytes[..16] != b"SQLite format 3\0" {
        return true;
    }
    let be32 =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let (change_counter, page_count, valid_for) = (be32(24), be32(28), be32(92));
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    valid_for == change_counter && page_count > 0 && len < u64::from(page_count) * page_size
}

/// Opens a store and proves it readable (header, schema). `Err` with damage if it is not.
fn open_checked(path: &Path, schema: &Schema, durability: Durability) -> Result<Connection> {
    if header_damaged(path) {
        return Err(Error::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(format!(
                "{}: the file is shorter than its header says",
                schema.name
            )),
        )));
    }
    let conn = db::open(path, schema, durability)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

fn sidecars(path: &Path) -> [PathBuf; 3] {
    let p = path.display().to_string();
    [
        path.to_path_buf(),
        format!("{p}-wal").into(),
        format!("{p}-shm").into(),
    ]
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Opens the cache, recreating it empty if it is damaged. Returns whether it was rebuilt.
pub(crate) fn open_cache(path: &Path, schema: &Schema) -> Result<(Connection, bool)> {
    match open_checked(path, schema, Durability::Normal) {
        Ok(conn) => Ok((conn, false)),
        Err(e) if is_damage(&e) => Ok((recreate_cache(path, schema)?, true)),
        Err(e) => Err(e),
    }
}

/// Deletes the cache file and its sidecars and creates it anew (it is a copy of what the
/// server has: the next sync pulls every trip again).
pub(crate) fn recreate_cache(path: &Path, schema: &Schema) -> Result<Connection> {
    for f in sidecars(path) {
        match std::fs::remove_file(&f) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(io(&f)(err)),
            _ => {}
        }
    }
    Ok(db::open(path, schema, Durability::Normal)?)
}

/// Opens the outbox; if it is damaged, moves it aside (named after `now`), creates a new one
/// and salvages into it.
pub(crate) fn open_outbox(
    path: &Path,
    schema: &Schema,
    recovery: &mut Recovery,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Connection> {
    // The outbox also gets SQLite's quick_check (every page read once, ~0.1 ms for a typical
    // outbox): a damaged page of events must be found now, not when the driver records.
    let checked = open_checked(path, schema, Durability::Full).and_then(|conn| {
        let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(conn)
        } else {
            Err(Error::Storage(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(format!("{}: quick_check found damage", schema.name)),
            )))
        }
    });
    match checked {
        Ok(conn) => return Ok(conn),
        Err(e) if is_damage(&e) => {}
        Err(e) => return Err(e),
    }
    let stamp = now.timestamp();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("outbox");
    let aside = path.with_file_name(format!("{stem}.damaged-{stamp}.db"));
    for (from, to) in sidecars(path).iter().zip(sidecars(&aside).iter()) {
        match std::fs::rename(from, to) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(from)(e)),
            _ => {}
        }
    }
    let mut fresh = db::open(path, schema, Durability::Full)?;
    let (salvaged, unreadable) = salvage(&aside, &mut fresh)?;
    recovery.outbox_moved_to = Some(aside.display().to_string());
    recovery.events_salvaged = salvaged;
    recovery.events_unreadable = unreadable;
    Ok(fresh)
}

const EVENT_COLUMNS: &str =
    "event_id, device_seq, trip_id, trip_version_seen, kind, port, shipment, \
     inspection, corrects, note, occurred_at, recorded_at, state, attempts, last_error, sent_at";

/// Copies every readable row of the damaged outbox into `fresh`, row by row (a damaged page loses
/// only the rows on it). Returns (salvaged, unreadable).
fn salvage(damaged: &Path, fresh: &mut Connection) -> Result<(u64, u64)> {
    let Ok(old) = Connection::open_with_flags(damaged, OpenFlags::SQLITE_OPEN_READ_WRITE) else {
        return Ok((0, 0));
    };
    // Reads past a truncation instead of refusing the whole file (nothing is written to it).
    let _ = old.execute_batch("PRAGMA writable_schema = ON;");
    let tx = fresh.transaction()?;
    // The device identity first, so the server still knows the phone.
    let mut recorded: Option<u64> = None;
    if let Ok((device_id, next_seq)) = old.query_row(
        "SELECT device_id, next_seq FROM device WHERE id = 1",
        [],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
    ) {
        tx.execute(
            "INSERT OR REPLACE INTO device (id, device_id, next_seq) VALUES (1, ?1, ?2)",
            params![device_id, next_seq.max(1)],
        )?;
        // Events are never deleted from an outbox: it recorded exactly next_seq - 1 of them.
        recorded = u64::try_from(next_seq - 1).ok();
    }
    // Rows by rowid: a full scan stops at the first bad page, a lookup per rowid does not.
    let last = old
        .query_row("SELECT max(rowid) FROM event", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .ok()
        .flatten();
    let (mut salvaged, mut unreadable) = (0u64, 0u64);
    let (mut misses, mut run_errors) = (0u64, 0u64);
    let mut rowid = 0i64;
    let select = format!("SELECT {EVENT_COLUMNS} FROM event WHERE rowid = ?1");
    let insert = format!(
        "INSERT OR IGNORE INTO event ({EVENT_COLUMNS}) VALUES \
         (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
    );
    loop {
        rowid += 1;
        match last {
            Some(l) if rowid > l => break,
            // Without a readable maximum, stop after a long run of absent or unreadable rows
            // (those trailing failures are not counted as lost events).
            None if misses > 10_000 => {
                unreadable = unreadable.saturating_sub(run_errors);
                break;
            }
            _ => {}
        }
        let row = old.query_row(&select, params![rowid], |r| {
            let v: Vec<rusqlite::types::Value> =
                (0..16).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
            Ok(v)
        });
        match row {
            Ok(values) => {
                (misses, run_errors) = (0, 0);
                if tx.execute(&insert, rusqlite::params_from_iter(values))? > 0 {
                    salvaged += 1;
                }
            }
            Err(rusqlite::Error::QueryReturnedNoRows) => misses += 1,
            Err(_) => {
                // Counted as unreadable only up to the known last row; past it (or with no
                // readable maximum) a run of failures ends the search like a run of gaps.
                misses += 1;
                run_errors += 1;
                unreadable += 1;
            }
        }
    }
    // The sequence continues after the highest salvaged event (a new identity if none was read).
    tx.execute(
        "INSERT OR IGNORE INTO device (id, device_id, next_seq) VALUES (1, ?1, 1)",
        params![uuid::Uuid::new_v4().to_string()],
    )?;
    tx.execute(
        "UPDATE device SET next_seq = max(next_seq, (SELECT coalesce(max(device_seq), 0) + 1 FROM event))",
        [],
    )?;
    tx.commit()?;
    // Rows past a damaged interior page cannot even be probed: the device's counter says how
    // many there were.
    let lost = recorded.map_or(unreadable, |n| n.saturating_sub(salvaged).max(unreadable));
    Ok((salvaged, lost))
}
