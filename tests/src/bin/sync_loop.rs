//! Test helper: records status events and syncs them to a fleet server in a loop, printing
//! `recorded <id>` once `record_event` returned `Ok`. The crash test SIGKILLs it at random
//! moments: before or after a local commit, mid-request, after the server committed.
//!
//! Usage: `sync_loop DATA_DIR SERVER_URL TOKEN TRIP_ID`

use std::io::Write;
use std::sync::Arc;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::{Crossing, EventInput, EventKind};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, url, token, trip] = args.as_slice() else {
        eprintln!("usage: sync_loop DATA_DIR SERVER_URL TOKEN TRIP_ID");
        std::process::exit(2);
    };
    let core = Arc::new(Crossing::open(dir).expect("open"));
    let syncer = Syncer::over_http(
        Arc::clone(&core),
        url,
        Arc::new(StaticToken(token.clone())),
        SyncConfig::default(),
    )
    .expect("syncer");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        // The trip arrives with the first sync; record only once it is on the phone.
        if core.trip(trip).is_ok() {
            let mut e = EventInput::new(trip.as_str(), EventKind::Exception);
            e.note = Some(format!("crash test {i}"));
            let event = core.record_event(e).expect("record");
            writeln!(out, "recorded {}", event.event_id).expect("stdout");
            out.flush().expect("flush");
        }
        if i % 3 == 0 {
            let _ = rt.block_on(syncer.sync_once(0));
        }
    }
}
