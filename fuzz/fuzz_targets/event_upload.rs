//! The fleet server's event upload: body parsed as the endpoint parses it, then stored through
//! the real store code into an in-memory database. Never panics; every answer is 2xx or 4xx.
#![no_main]

use std::sync::{Mutex, OnceLock};

use tempfile::TempDir;

use crossing_fleet::store;
use libfuzzer_sys::fuzz_target;
use rusqlite::Connection;

const DRIVER: &str = "driver-1";
const DEVICE: &str = "0190aaaa-0000-4000-8000-000000000001";

/// The server's clock: the morning before the example trip's ETA, fixed, so a crash found
/// today reproduces on any later date.
const NOW: &str = "2026-11-25T13:00:00Z";

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(NOW)
        .expect("NOW")
        .to_utc()
}

/// A real server database with one driver, their device and one assigned trip (T-2026-11-0417,
/// the example ACI trip as it is), at [`NOW`].
fn server() -> &'static Mutex<(TempDir, Connection)> {
    static DB: OnceLock<Mutex<(TempDir, Connection)>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("fleet.db")).expect("db");
        store::register_device(&conn, DRIVER, DEVICE, "fuzz", "1.0.0", now()).expect("device");
        store::add_to_roster(&conn, "fleet-1", DRIVER, now()).expect("roster");
        let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/aci-trip.json");
        let doc = std::fs::read(example).expect("example");
        store::push_trip(&mut conn, "fleet-1", &doc, Some(DRIVER), now()).expect("push");
        Mutex::new((dir, conn))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(batch) = crossing_fleet::decode_events_upload(data) else {
        return;
    };
    let mut db = server().lock().expect("lock");
    match store::upload_events(&mut db.1, DRIVER, &batch, now()) {
        Ok(results) => assert_eq!(results.len(), batch.events.len()),
        Err(f) => {
            let status = crossing_fleet::error::ApiFailure::from(f).status.as_u16();
            assert!((400..500).contains(&status), "upload answered {status}");
        }
    }
});
