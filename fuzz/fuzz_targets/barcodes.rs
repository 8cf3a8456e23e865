//! Barcode encoders on arbitrary payloads: never panic; a drawn code has a consistent matrix
//! (width × height modules, 0/1 only) and carries the payload it was given.
#![no_main]

use crossing_core::codes::{trip_number_code, CodeKind, TripRef};
use crossing_core::model::Regime;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(payload) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = [CodeKind::Qr, CodeKind::Crn128, CodeKind::Ace39][usize::from(selector % 3)];
    let regime = if selector & 4 == 0 {
        Regime::Aci
    } else {
        Regime::Ace
    };
    let trip = TripRef {
        id: "T-1",
        version: 1,
        regime,
        trip_number: payload,
    };
    if let Ok(code) = trip_number_code(&trip, kind) {
        let m = &code.matrix;
        assert_eq!(
            m.modules.len() as u64,
            u64::from(m.width) * u64::from(m.height)
        );
        assert!(m.modules.iter().all(|&b| b <= 1));
        assert_eq!(code.payload, payload);
    }
});
