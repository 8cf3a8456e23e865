//! Change-feed page, as the sync engine reads it: parsed, then applied to a real store. Never
//! panics; a page that is refused leaves the stored trips exactly as they were.
#![no_main]

use std::sync::OnceLock;

use crossing_core::protocol::ChangesPage;
use crossing_core::{Crossing, FixedClock};
use libfuzzer_sys::fuzz_target;

struct Phone {
    _dir: tempfile::TempDir,
    core: Crossing,
}

fn phone() -> &'static Phone {
    static PHONE: OnceLock<Phone> = OnceLock::new();
    PHONE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        // A fixed clock: a crash found today reproduces on any later date.
        let clock = FixedClock::parse("2026-11-25T08:00:00-05:00").expect("clock");
        let core = Crossing::open_with_clock(dir.path(), clock).expect("open");
        Phone { _dir: dir, core }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(page) = serde_json::from_slice::<ChangesPage>(data) else {
        return;
    };
    let core = &phone().core;
    let before = core.trips().expect("trips");
    if core.apply_page(&page, false).is_err() {
        let after = core.trips().expect("trips");
        assert_eq!(before, after, "a refused page changed the store");
    }
});
