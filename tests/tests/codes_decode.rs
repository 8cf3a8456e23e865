//! Every border code Crossing draws is read back by independent decoders and compared byte for
//! byte with the intended payload.

use crossing_core::{codes, CodeKind, Symbology};
use crossing_integration_tests::{
    decode_png, example, example_value, phone_at_examples_time, read_qr_rqrr, read_rxing,
};
use rxing::BarcodeFormat;

fn check_code(code: &crossing_core::BorderCode) {
    for scale in [3, 8] {
        let png = codes::to_png(&code.matrix, scale).expect("png");
        let img = decode_png(&png);
        match code.symbology {
            Symbology::Qr => {
                assert_eq!(
                    read_qr_rqrr(&img).as_deref(),
                    Ok(code.payload.as_str()),
                    "rqrr {:?}",
                    code.kind
                );
                assert_eq!(
                    read_rxing(&img, BarcodeFormat::QR_CODE).as_deref(),
                    Ok(code.payload.as_str()),
                    "rxing QR {:?}",
                    code.kind
                );
            }
            Symbology::Code128 => assert_eq!(
                read_rxing(&img, BarcodeFormat::CODE_128).as_deref(),
                Ok(code.payload.as_str()),
                "Code 128 {:?}",
                code.kind
            ),
            Symbology::Code39 => assert_eq!(
                read_rxing(&img, BarcodeFormat::CODE_39).as_deref(),
                Ok(code.payload.as_str()),
                "Code 39 {:?}",
                code.kind
            ),
        }
    }
}

fn all_codes(file: &str) -> Vec<crossing_core::BorderCode> {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    let report = core.import_trip_json(&example(file)).expect("import");
    let view = core.manifest_view(&report.trip_id).expect("view");
    view.codes
        .iter()
        .map(|c| {
            core.border_code(&report.trip_id, c.kind, c.shipment.as_deref())
                .expect("code")
        })
        .collect()
}

#[test]
fn every_aci_code_decodes_to_its_payload() {
    let codes = all_codes("aci-trip.json");
    let kinds: Vec<CodeKind> = codes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CodeKind::Qr,
            CodeKind::Crn128,
            CodeKind::Ccn128,
            CodeKind::Ccn128,
            CodeKind::Ccn128
        ]
    );
    assert_eq!(codes[0].payload, "1234TR261126001");
    assert_eq!(codes[1].payload, "1234TR261126001");
    assert_eq!(
        codes[2].payload, "1234PARS261126001",
        "PARS kept inside the CCN"
    );
    for c in &codes {
        check_code(c);
    }
}

#[test]
fn every_ace_code_decodes_to_its_payload() {
    let codes = all_codes("ace-trip.json");
    let kinds: Vec<CodeKind> = codes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CodeKind::Qr,
            CodeKind::Ace39,
            CodeKind::AceQr,
            CodeKind::Ace39,
            CodeKind::Ace39
        ]
    );
    for c in &codes {
        check_code(c);
    }
}

#[test]
fn ace_qr_layout_fields_and_no_plus_sign() {
    let codes = all_codes("ace-trip.json");
    let ace_qr = codes
        .iter()
        .find(|c| c.kind == CodeKind::AceQr)
        .expect("ace qr");
    let p = &ace_qr.payload;
    assert_eq!(p.len(), 60, "3 + 25 + 8 + 12 + 12");
    assert_eq!(&p[0..3], codes::ACE_QR_VERSION);
    assert_eq!(p[3..28].trim_end(), "NRTH2026112700017");
    assert_eq!(&p[28..36], "20261127", "ETA date yyyymmdd");
    assert_eq!(&p[36..48], "CAON PRX4410");
    assert_eq!(&p[48..60], "USMI 4410PR ");
    assert!(!p.contains('+'));
    assert!(ace_qr.caveats.iter().any(|c| c.contains("not confirmed")));
}

#[test]
fn shipment_codes_of_a_500_shipment_trip_decode() {
    let codes = all_codes("aci-trip-500.json");
    assert_eq!(codes.len(), 2 + 500);
    // Decoding all 500 is slow in debug builds; a spread sample covers every position.
    for c in codes.iter().step_by(37) {
        check_code(c);
    }
}

#[test]
fn amended_trip_redraws_codes_from_the_new_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    let mut doc = example_value("ace-trip.json");
    core.import_trip_json(doc.to_string().as_bytes())
        .expect("v2");
    let before = core
        .border_code("T-2026-11-0533", CodeKind::AceQr, None)
        .expect("qr");
    assert_eq!(before.trip_version, 2);
    doc["version"] = 3.into();
    doc["eta"]["local"] = "2026-11-28T09:00:00".into();
    core.import_trip_json(doc.to_string().as_bytes())
        .expect("v3");
    let after = core
        .border_code("T-2026-11-0533", CodeKind::AceQr, None)
        .expect("qr");
    assert_eq!(after.trip_version, 3);
    assert_eq!(&after.payload[28..36], "20261128");
    assert_ne!(
        before.matrix, after.matrix,
        "a changed payload changes the code"
    );
    check_code(&after);
}

#[test]
fn code_requests_that_do_not_fit_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    core.import_trip_json(&example("aci-trip.json"))
        .expect("aci");
    let id = "T-2026-11-0417";
    let e = core
        .border_code(id, CodeKind::AceQr, None)
        .expect_err("ACE code on ACI");
    assert_eq!(e.to_string(), "ace-qr: does not apply to ACI trips");
    let e = core
        .border_code(id, CodeKind::Ccn128, None)
        .expect_err("3 shipments");
    assert_eq!(
        e.to_string(),
        "shipment: is required for ccn128: the trip has 3 shipments"
    );
    let e = core
        .border_code(id, CodeKind::Ccn128, Some("1234NOPE0001"))
        .expect_err("unknown");
    assert!(e.to_string().contains("is not on trip"), "{e}");
    let ok = core
        .border_code(id, CodeKind::Ccn128, Some("1234pars261126002"))
        .expect("case-insensitive");
    assert_eq!(ok.payload, "1234PARS261126002");
}

#[test]
fn ace_qr_refuses_a_plate_longer_than_seven_characters() {
    let mut doc = example_value("ace-trip.json");
    doc["conveyance"]["plates"][0]["number"] = "ABCD12345".into();
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    let report = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect("import warns");
    assert!(
        report.warnings.iter().any(|w| w.rule.contains("ACE QR")),
        "{:?}",
        report.warnings
    );
    let e = core
        .border_code(&report.trip_id, CodeKind::AceQr, None)
        .expect_err("too long");
    assert!(e.to_string().contains("longer than 7 characters"), "{e}");
    let view = core.manifest_view(&report.trip_id).expect("view");
    assert!(
        !view.codes.iter().any(|c| c.kind == CodeKind::AceQr),
        "not offered"
    );
}
