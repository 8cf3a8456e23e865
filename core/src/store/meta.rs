//! Sync bookkeeping kept beside the events in the outbox (`sync_meta`): the saved sync state,
//! the last success, whether this device is registered. It survives a wiped cache.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The saved sync state (JSON of `SyncState`).
pub(crate) const STATE: &str = "state";
/// When the last sync succeeded (RFC 3339).
pub(crate) const LAST_SUCCESS: &str = "last_success";
/// Set once the server knows this device.
pub(crate) const REGISTERED: &str = "registered";

/// The value under `key`, if any.
pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM sync_meta WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets (or, with `None`, removes) the value under `key`.
pub(crate) fn set(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) => conn.execute(
            "INSERT INTO sync_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, v],
        )?,
        None => conn.execute("DELETE FROM sync_meta WHERE key = ?1", params![key])?,
    };
    Ok(())
}
