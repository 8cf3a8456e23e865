//! Test helper: records status events in a loop and prints each event id once `record_event`
//! has returned `Ok`. The durability test kills it with SIGKILL at a random moment.
//!
//! Usage: `record_loop DATA_DIR TRIP_JSON`

use std::io::Write;

use crossing_core::{Crossing, EventInput, EventKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(trip)) = (args.next(), args.next()) else {
        eprintln!("usage: record_loop DATA_DIR TRIP_JSON");
        std::process::exit(2);
    };
    let core = Crossing::open(&dir).expect("open");
    let report = core.import_trip_file(&trip).expect("import trip");
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let mut input = EventInput::new(&report.trip_id, EventKind::Exception);
        input.note = Some(format!("event {i}"));
        let event = core.record_event(input).expect("record");
        writeln!(out, "{}", event.event_id).expect("stdout");
        out.flush().expect("flush");
    }
}
