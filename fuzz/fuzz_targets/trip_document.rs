//! Trip document parser and validator: never panics; whatever parses survives a write/parse
//! round trip unchanged, and validating it under both policies never panics.
#![no_main]

use crossing_core::format::{parse_trip, to_json};
use crossing_core::validate::{validate, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(trip) = parse_trip(data) else {
        return;
    };
    // A fixed clock: a crash found today reproduces on any later date.
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T13:00:00Z")
        .expect("date")
        .to_utc();
    let _ = validate(&trip, &Policy::device(now));
    let _ = validate(&trip, &Policy::fleet(now));
    let json = to_json(&trip).expect("a parsed trip serializes");
    let again = parse_trip(json.as_bytes()).expect("a serialized trip parses");
    assert_eq!(trip, again, "round trip changed the trip");
});
