//! The fleet server's BorderConnect import: a body as `POST /v1/fleet/borderconnect` gets it,
//! read and applied through the real store code to a real database. Never panics; every refusal
//! is a 4xx, and a refused body leaves the fleet's trips exactly as they were.
#![no_main]

use std::sync::{Mutex, OnceLock};

use tempfile::TempDir;

use crossing_fleet::store;
use libfuzzer_sys::fuzz_target;
use rusqlite::Connection;

/// The server's clock, fixed (a crash found today reproduces on any later date): the day before
/// the corridor samples' ETAs (2026-09-08), which seed the corpus.
const NOW: &str = "2026-09-07T14:00:00Z";

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(NOW)
        .expect("NOW")
        .to_utc()
}

fn server() -> &'static Mutex<(TempDir, Connection)> {
    static DB: OnceLock<Mutex<(TempDir, Connection)>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = store::open(&dir.path().join("fleet.db")).expect("db");
        store::add_to_roster(&conn, "fleet-1", "driver-1", now()).expect("roster");
        Mutex::new((dir, conn))
    })
}

fuzz_target!(|data: &[u8]| {
    let mut db = server().lock().expect("lock");
    let before = store::list_trips(&db.1, "fleet-1").expect("trips");
    match store::import_borderconnect(&mut db.1, "fleet-1", data, Some("driver-1"), now()) {
        Ok(report) => assert!(report.results.len() <= crossing_fleet::borderconnect::MAX_MESSAGES),
        Err(e) => {
            let status = crossing_fleet::error::ApiFailure::from(e).status.as_u16();
            assert!((400..500).contains(&status), "import answered {status}");
            let after = store::list_trips(&db.1, "fleet-1").expect("trips");
            assert_eq!(before, after, "a refused import changed the trips");
        }
    }
});
