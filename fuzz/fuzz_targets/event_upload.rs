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

/// A real server database with one driver, their device and one assigned trip (T-2026-11-0417,
/// the example ACI trip with its ETA moved to tomorrow).
fn server() -> &'static Mutex<(TempDir, Connection)> {
    static DB: OnceLock<Mutex<(TempDir, Connection)>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("fleet.db")).expect("db");
        store::register_device(&conn, DRIVER, DEVICE, "fuzz", "1.0.0").expect("device");
        let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/aci-trip.json");
        let mut doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(example).expect("example")).expect("json");
        let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
        doc["eta"]["local"] = tomorrow.format("%Y-%m-%dT12:00:00").to_string().into();
        store::push_trip(
            &mut conn,
            "fleet-1",
            doc.to_string().as_bytes(),
            Some(DRIVER),
            chrono::Utc::now(),
        )
        .expect("push");
        Mutex::new((dir, conn))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(batch) = crossing_fleet::decode_events_upload(data) else {
        return;
    };
    let mut db = server().lock().expect("lock");
    match store::upload_events(&mut db.1, DRIVER, &batch) {
        Ok(results) => assert_eq!(results.len(), batch.events.len()),
        Err(f) => {
            let status = f.status.as_u16();
            assert!((400..500).contains(&status), "upload answered {status}");
        }
    }
});
