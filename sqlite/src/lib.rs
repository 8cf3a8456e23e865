//! Opening SQLite files: pragmas and schema migrations.
//!
//! A schema is an append-only list of migrations; migration `i` takes the file from
//! `user_version = i` to `i + 1`. Each runs in its own IMMEDIATE transaction together with the
//! `user_version` bump, so a failing migration leaves the file at the previous version. A file
//! whose `user_version` is newer than the code knows is refused and left untouched.
//!
//! `open` and `migrate` are `#[inline]` so the phone's build folds them into the core's few
//! callers as it did before this was a crate of its own (the library's size, `crossing-trip`).

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// Why a database could not be opened or migrated.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file was written by a newer version of the program; it was left untouched.
    #[error("{file}: database schema version {found} is newer than this app supports ({supported}); update the app (the file was left untouched)")]
    TooNew {
        /// Which file ([`Schema::name`]).
        file: String,
        /// Its `user_version`.
        found: i64,
        /// Highest version the code knows.
        supported: i64,
    },
    /// SQLite failed.
    #[error("storage: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Result type of the SQLite helper.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A database schema: its file name and its migrations, oldest first.
#[derive(Debug)]
pub struct Schema {
    /// Short name used in errors (e.g. `cache.db`).
    pub name: &'static str,
    /// `migrations[i]` upgrades version `i` to `i + 1`.
    pub migrations: &'static [&'static str],
}

impl Schema {
    /// The version a fully migrated file has.
    pub fn version(&self) -> i64 {
        self.migrations.len() as i64
    }
}

/// How hard SQLite must push each commit to disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous = FULL`: a commit survives power loss (the outbox).
    Full,
    /// `synchronous = NORMAL`: a commit survives a crash of the app (the wipeable cache).
    Normal,
}

/// Opens (creating if needed) a database file, sets pragmas and migrates it.
#[inline]
pub fn open(path: &Path, schema: &Schema, durability: Durability) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Check the version before any pragma writes to the file.
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > schema.version() {
        return Err(Error::TooNew {
            file: schema.name.to_string(),
            found,
            supported: schema.version(),
        });
    }
    let sync = match durability {
        Durability::Full => "FULL",
        Durability::Normal => "NORMAL",
    };
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = {sync};
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = 2;
         PRAGMA secure_delete = ON;"
    ))?;
    migrate(&mut conn, schema)?;
    Ok(conn)
}

/// Applies every migration the file lacks, one transaction each.
#[inline]
pub fn migrate(conn: &mut Connection, schema: &Schema) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > schema.version() {
            return Err(Error::TooNew {
                file: schema.name.to_string(),
                found: current,
                supported: schema.version(),
            });
        }
        let Some(sql) = usize::try_from(current)
            .ok()
            .and_then(|i| schema.migrations.get(i))
        else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static BROKEN: Schema = Schema {
        name: "test.db",
        migrations: &[
            "CREATE TABLE a (x INTEGER) STRICT; INSERT INTO a VALUES (1);",
            "ALTER TABLE a ADD COLUMN y TEXT; INSERT INTO no_such_table VALUES (2);",
        ],
    };

    #[test]
    fn failing_migration_keeps_the_previous_version_and_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let err = open(&path, &BROKEN, Durability::Normal).expect_err("second migration fails");
        assert!(matches!(err, Error::Sqlite(_)), "{err}");
        let conn = Connection::open(&path).expect("reopen");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, 1, "stays at the last good version");
        let cols: i64 = conn
            .query_row("SELECT count(*) FROM pragma_table_info('a')", [], |r| {
                r.get(0)
            })
            .expect("cols");
        assert_eq!(cols, 1, "the half-applied ALTER was rolled back");
        let x: i64 = conn
            .query_row("SELECT x FROM a", [], |r| r.get(0))
            .expect("row");
        assert_eq!(x, 1);
    }

    #[test]
    fn newer_file_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        {
            let conn = Connection::open(&path).expect("create");
            conn.execute_batch("CREATE TABLE future (z); PRAGMA user_version = 9;")
                .expect("future schema");
        }
        let before = std::fs::read(&path).expect("read");
        let err = open(&path, &BROKEN, Durability::Full).expect_err("too new");
        match err {
            Error::TooNew {
                found, supported, ..
            } => {
                assert_eq!((found, supported), (9, 2));
            }
            other => panic!("unexpected {other}"),
        }
        assert!(err_text_mentions_update(&path));
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "file unchanged"
        );
    }

    fn err_text_mentions_update(path: &Path) -> bool {
        open(path, &BROKEN, Durability::Full)
            .err()
            .is_some_and(|e| e.to_string().contains("update the app"))
    }
}
