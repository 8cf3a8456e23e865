//! The phone's storage: the only owner of its two SQLite files and of every SQL statement.
//!
//! - `cache.db` ([`trips`]): trips, server-authoritative; disposable — damage found at any
//!   time recreates it empty and the next sync pulls every trip again.
//! - `outbox.db` ([`outbox`], [`meta`]): the driver's events, append-only, `synchronous =
//!   FULL`, never wiped; a damaged file is moved aside and its readable events salvaged
//!   ([`recover`]).
//!
//! The facade (`Crossing`) and the sync engine reach the files only through [`Store`]: its
//! `cache`/`outbox` methods lend a connection to one of this module's functions.

pub(crate) mod meta;
pub(crate) mod outbox;
pub mod recover;
pub mod schema;
pub(crate) mod trips;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::error::Result;
pub use recover::Recovery;

/// File name of the trip cache inside the data directory.
pub const CACHE_FILE: &str = "cache.db";
/// File name of the event outbox inside the data directory.
pub const OUTBOX_FILE: &str = "outbox.db";

/// Both connections, and what had to be repaired to open them.
#[derive(Debug)]
pub(crate) struct Store {
    dir: PathBuf,
    cache: Mutex<Connection>,
    outbox: Mutex<Connection>,
    recovery: Mutex<Recovery>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves SQLite consistent (open transactions roll back on
    // drop), so a poisoned lock is still safe to use.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Store {
    /// Opens (creating if needed) both files in `dir`, migrating them; `now` stamps the name of
    /// a damaged outbox moved aside. A file written by a newer app is refused and left alone.
    pub(crate) fn open(dir: &Path, now: DateTime<Utc>) -> Result<Self> {
        let mut recovery = Recovery {
            // SQLite takes an empty file for a new database: say so instead of starting over
            // silently (a file emptied by a tool or a failing disk loses its events).
            outbox_found_empty: std::fs::metadata(dir.join(OUTBOX_FILE))
                .is_ok_and(|m| m.len() == 0),
            ..Recovery::default()
        };
        let outbox =
            recover::open_outbox(&dir.join(OUTBOX_FILE), &schema::OUTBOX, &mut recovery, now)?;
        let (cache, rebuilt) = recover::open_cache(&dir.join(CACHE_FILE), &schema::CACHE)?;
        recovery.cache_rebuilt = rebuilt;
        Ok(Store {
            dir: dir.to_path_buf(),
            cache: Mutex::new(cache),
            outbox: Mutex::new(outbox),
            recovery: Mutex::new(recovery),
        })
    }

    /// What had to be repaired so far.
    pub(crate) fn recovery(&self) -> Recovery {
        lock(&self.recovery).clone()
    }

    /// Runs `f` on the cache. If SQLite finds the cache damaged (at any time, not only at
    /// open), it is recreated empty, [`Store::recovery`] says so, and `f` runs once more on the
    /// fresh cache. For reads and self-contained writes (a whole trip); see
    /// [`Store::cache_once`].
    pub(crate) fn cache<T>(&self, f: impl FnMut(&mut Connection) -> Result<T>) -> Result<T> {
        self.cache_op(f, true)
    }

    /// [`Store::cache`] without the second run, for writes that build on what the cache held
    /// (a change-feed page after its cursor): after a rebuild they fail, and the next sync
    /// starts over from a snapshot.
    pub(crate) fn cache_once<T>(&self, f: impl FnMut(&mut Connection) -> Result<T>) -> Result<T> {
        self.cache_op(f, false)
    }

    fn cache_op<T>(
        &self,
        mut f: impl FnMut(&mut Connection) -> Result<T>,
        again: bool,
    ) -> Result<T> {
        // The recovery logic is compiled once (`cache_run` is not generic); each caller only
        // adds this small adapter, which keeps the phone library from growing with call sites.
        let mut out = None;
        self.cache_run(
            &mut |c| {
                out = Some(f(c)?);
                Ok(())
            },
            again,
        )?;
        // `cache_run` answers Ok only after `f` did, so `out` is set; the error is never built.
        out.ok_or_else(|| crate::Error::Corrupt(String::new()))
    }

    fn cache_run(
        &self,
        f: &mut dyn FnMut(&mut Connection) -> Result<()>,
        again: bool,
    ) -> Result<()> {
        let mut conn = lock(&self.cache);
        match f(&mut conn) {
            Err(e) if recover::is_damage(&e) => {
                // Close the damaged file before replacing it.
                drop(std::mem::replace(&mut *conn, Connection::open_in_memory()?));
                *conn = recover::recreate_cache(&self.dir.join(CACHE_FILE), &schema::CACHE)?;
                lock(&self.recovery).cache_rebuilt = true;
                if again {
                    f(&mut conn)
                } else {
                    Err(e)
                }
            }
            other => other,
        }
    }

    /// Runs `f` on the outbox (never recreated: its errors are the caller's).
    pub(crate) fn outbox<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        f(&mut lock(&self.outbox))
    }
}
