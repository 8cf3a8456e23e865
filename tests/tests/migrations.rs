//! Migrations you can check: every released schema version of every database (the phone's
//! cache and outbox, the fleet's `fleet.db`) is frozen under `tests/fixtures/schema/`, as the
//! SQL of its tables, indexes and triggers plus the checksum of each migration.
//!
//! - A released migration that is edited fails `released_migrations_are_never_edited`.
//! - Each frozen version, opened by today's code, must migrate to exactly what a fresh file
//!   has: the same tables and columns, indexes and triggers.
//!
//! A new migration is frozen once, when it is released:
//! `CROSSING_FREEZE_SCHEMA=1 cargo test -p crossing-integration-tests --test migrations`
//! writes the fixture and checksum of every version not yet frozen and never rewrites one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossing_sqlite::{Durability, Schema};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

fn schemas() -> [(&'static Schema, Durability); 3] {
    [
        (&crossing_core::schema::CACHE, Durability::Normal),
        (&crossing_core::schema::OUTBOX, Durability::Full),
        (&crossing_fleet::store::FLEET, Durability::Full),
    ]
}

fn fixture_dir(schema: &Schema) -> PathBuf {
    let stem = schema.name.trim_end_matches(".db");
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/schema")
        .join(stem)
}

fn freezing() -> bool {
    std::env::var_os("CROSSING_FREEZE_SCHEMA").is_some()
}

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// The frozen checksums: `version sha256` per line.
fn frozen_checksums(schema: &Schema) -> BTreeMap<usize, String> {
    let path = fixture_dir(schema).join("checksums.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (v, sum) = l.split_once(' ').expect("`version sha256` lines");
            (v.parse().expect("version"), sum.trim().to_string())
        })
        .collect()
}

/// A database at `version`, built by the first `version` migrations.
fn database_at(schema: &Schema, version: usize) -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = Connection::open(dir.path().join("at.db")).expect("create");
    for (i, sql) in schema.migrations[..version].iter().enumerate() {
        conn.execute_batch(sql).expect("migration");
        conn.pragma_update(None, "user_version", i as i64 + 1)
            .expect("version");
    }
    (dir, conn)
}

/// The schema SQL of a database, as a fixture: every object SQLite did not make itself, in
/// creation order, then the version.
fn dump(conn: &Connection) -> String {
    let mut stmt = conn
        .prepare(
            "SELECT sql FROM sqlite_master
             WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )
        .expect("prepare");
    let mut out: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row") + ";")
        .collect();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    out.push(format!("PRAGMA user_version = {v};"));
    out.join("\n") + "\n"
}

/// What a database is, compared between a migrated file and a fresh one: each table's columns
/// (name, type, not-null, default, key position), each index (table, uniqueness, columns,
/// partial condition) and each trigger's SQL with its spacing normalized.
fn shape(conn: &Connection) -> Vec<String> {
    let objects: Vec<(String, String, String, Option<String>)> = {
        let mut stmt = conn
            .prepare(
                "SELECT type, name, tbl_name, sql FROM sqlite_master
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for (kind, name, table, sql) in objects {
        match kind.as_str() {
            "table" => {
                let mut stmt = conn
                    .prepare(&format!(
                        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo('{name}')"
                    ))
                    .expect("columns");
                let cols: Vec<String> = stmt
                    .query_map([], |r| {
                        Ok(format!(
                            "{} {} notnull={} default={:?} pk={}",
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, i64>(4)?
                        ))
                    })
                    .expect("query")
                    .collect::<Result<_, _>>()
                    .expect("rows");
                let strict = sql.as_deref().is_some_and(|s| s.contains("STRICT"));
                out.push(format!("table {name} strict={strict}: {}", cols.join(", ")));
            }
            "index" => {
                let mut stmt = conn
                    .prepare(&format!("SELECT name FROM pragma_index_info('{name}')"))
                    .expect("index columns");
                let cols: Vec<String> = stmt
                    .query_map([], |r| r.get::<_, Option<String>>(0))
                    .expect("query")
                    .map(|r| r.expect("row").unwrap_or_else(|| "<expr>".into()))
                    .collect();
                let partial = sql
                    .as_deref()
                    .and_then(|s| s.split_once(" WHERE ").map(|(_, w)| squeeze(w)));
                let unique = sql.as_deref().is_some_and(|s| s.contains("UNIQUE"));
                out.push(format!(
                    "index {name} on {table} unique={unique} ({}) where={partial:?}",
                    cols.join(", ")
                ));
            }
            other => out.push(format!(
                "{other} {name} on {table}: {}",
                squeeze(sql.as_deref().unwrap_or(""))
            )),
        }
    }
    out
}

#[test]
fn released_migrations_are_never_edited() {
    for (schema, _) in schemas() {
        let frozen = frozen_checksums(schema);
        let mut missing = Vec::new();
        for (i, sql) in schema.migrations.iter().enumerate() {
            let version = i + 1;
            match frozen.get(&version) {
                Some(sum) => assert_eq!(
                    *sum,
                    checksum(sql),
                    "{} migration {version} was edited after its release: add a new migration instead",
                    schema.name
                ),
                None => missing.push(version),
            }
        }
        assert!(
            frozen.keys().all(|v| *v <= schema.migrations.len()),
            "{}: a released migration was removed",
            schema.name
        );
        if missing.is_empty() {
            continue;
        }
        assert!(
            freezing(),
            "{} migrations {missing:?} are not frozen: run CROSSING_FREEZE_SCHEMA=1 cargo test -p crossing-integration-tests --test migrations",
            schema.name
        );
        let dir = fixture_dir(schema);
        std::fs::create_dir_all(&dir).expect("fixture dir");
        let mut text = std::fs::read_to_string(dir.join("checksums.txt")).unwrap_or_else(|_| {
            format!(
                "# {}: sha256 of each released migration (tests/tests/migrations.rs)\n",
                schema.name
            )
        });
        for version in missing {
            text.push_str(&format!(
                "{version} {}\n",
                checksum(schema.migrations[version - 1])
            ));
            let path = dir.join(format!("v{version}.sql"));
            assert!(!path.exists(), "{} exists: never rewritten", path.display());
            let (_d, conn) = database_at(schema, version);
            std::fs::write(&path, dump(&conn)).expect("write fixture");
        }
        std::fs::write(dir.join("checksums.txt"), text).expect("write checksums");
    }
}

#[test]
fn every_frozen_version_migrates_to_what_a_fresh_file_has() {
    for (schema, durability) in schemas() {
        let fresh_dir = tempfile::tempdir().expect("tempdir");
        let fresh = crossing_sqlite::open(&fresh_dir.path().join("fresh.db"), schema, durability)
            .expect("fresh");
        let want = shape(&fresh);
        let frozen = frozen_checksums(schema);
        assert!(
            !frozen.is_empty() || freezing(),
            "{}: nothing frozen",
            schema.name
        );
        for version in frozen.keys() {
            let sql = std::fs::read_to_string(fixture_dir(schema).join(format!("v{version}.sql")))
                .expect("fixture of a frozen version");
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("old.db");
            Connection::open(&path)
                .expect("create")
                .execute_batch(&sql)
                .expect("the frozen schema loads");
            let conn = crossing_sqlite::open(&path, schema, durability).expect("migrates");
            let v: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .expect("version");
            assert_eq!(
                v,
                schema.version(),
                "{} from frozen v{version}",
                schema.name
            );
            assert_eq!(
                shape(&conn),
                want,
                "{} migrated from frozen v{version} differs from a fresh file",
                schema.name
            );
        }
    }
}

/// The fixtures are the schema as released: a fresh file today equals the newest one.
#[test]
fn the_newest_fixture_is_what_the_code_creates() {
    for (schema, _) in schemas() {
        let latest = schema.migrations.len();
        let path = fixture_dir(schema).join(format!("v{latest}.sql"));
        let Ok(frozen) = std::fs::read_to_string(&path) else {
            assert!(freezing(), "{} missing", path.display());
            continue;
        };
        let (_d, conn) = database_at(schema, latest);
        assert_eq!(dump(&conn), frozen, "{}", path.display());
    }
}
