//! Trip documents: the format, the limits, the forbidden fields and the validation rules.
//! Each case mutates a valid example and checks the exact field path and rule in the error.

use crossing_core::validate::{self, Policy};
use crossing_core::{format, limits, Crossing, DocumentError, Error, Severity};
use crossing_integration_tests::{example, example_value, phone_at_examples_time};
use serde_json::{json, Value};

fn import(doc: &Value) -> Result<crossing_core::ImportReport, Error> {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    core.import_trip_json(doc.to_string().as_bytes())
}

/// Sets a value at a JSON pointer, creating the last key if needed; `null` removes it.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    let target = if parent.is_empty() {
        &mut *doc
    } else {
        doc.pointer_mut(parent)
            .unwrap_or_else(|| panic!("{parent}"))
    };
    match target {
        Value::Object(map) if value.is_null() => {
            map.remove(key);
        }
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("index")] = value,
        _ => panic!("{parent} is not a container"),
    }
}

fn error_text(doc: &Value) -> String {
    import(doc).expect_err("must be refused").to_string()
}

#[test]
fn examples_are_valid_for_the_phone_and_the_fleet() {
    for name in ["aci-trip.json", "ace-trip.json", "aci-trip-500.json"] {
        let mut trip = format::parse_trip(&example(name)).expect(name);
        validate::normalize(&mut trip);
        let before_eta = chrono::DateTime::parse_from_rfc3339("2026-11-20T12:00:00Z")
            .expect("date")
            .to_utc();
        let report = validate::validate(&trip, &Policy::fleet(before_eta));
        assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
        assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
    }
}

#[test]
fn issue_example_ccn_with_another_carrier_code() {
    let mut doc = example_value("aci-trip.json");
    doc["shipments"][2]["controlNumber"] = "9999X1".into();
    assert_eq!(
        error_text(&doc),
        "trip refused: 1 error: shipments[2].controlNumber \"9999X1\": must start with the trip's carrier code \"1234\""
    );
}

/// (JSON pointer, new value, expected text in the error).
const ACI_CASES: &[(&str, &str, &str)] = &[
    ("/carrierCode", "12345", "carrierCode \"12345\": a CBSA carrier code is exactly 4 letters, digits or dashes"),
    ("/tripNumber", "1234AB", "tripNumber \"1234AB\": an ACI CRN is the 4-character carrier code followed by 4–21 letters or digits"),
    // Found by the change_page fuzzer: a multi-byte character inside the first 4 bytes panicked
    // (byte slice off a char boundary) instead of being refused.
    ("/tripNumber", "123\u{32f}R261126001", "tripNumber \"123\\u{32f}R261126001\": an ACI CRN is the 4-character carrier code followed by 4–21 letters or digits"),
    ("/tripNumber", "5678TR261126001", "tripNumber \"5678TR261126001\": must start with the trip's carrier code \"1234\""),
    ("/tripNumber", "1234PARS261126001", "shipments[0].controlNumber \"1234PARS261126001\": equals the trip number"),
    ("/portOfEntry", "453", "portOfEntry \"453\": must be 4 digits with leading zeros"),
    ("/eta/local", "2026-11-26 14:30", "eta.local \"2026-11-26 14:30\": must be a local date-time YYYY-MM-DDTHH:MM:SS"),
    ("/eta/zone", "Eastern", "eta.zone \"Eastern\": must be the IANA zone of a land port of entry"),
    // A real IANA zone that no land port uses is not compiled in (docs/trip-format.md).
    ("/eta/zone", "Europe/Paris", "eta.zone \"Europe/Paris\": must be the IANA zone of a land port of entry"),
    ("/conveyance/type", "TRUCK", "conveyance.type \"TRUCK\": must be a 2-character type code"),
    ("/conveyance/vin", "1XKYD49X0NJ12345", "conveyance.vin \"1XKYD49X0NJ12345\": must be 17 letters or digits"),
    ("/trailers/0/seals/0", "SEAL-0123456789-LONG", "trailers[0].seals[0] \"SEAL-0123456789-LONG\": must be 1–15 characters"),
    ("/trailers/0/type", "T", "trailers[0].type \"T\": must be a 2-character type code"),
    ("/shipments/0/type", "PAPS", "shipments[0].type \"PAPS\": is not an ACI shipment type"),
    ("/shipments/0/portOfEntry", "0427", "shipments[0].portOfEntry \"0427\": must equal the trip's first port of arrival \"0453\""),
    ("/shipments/0/releaseOffice", "95", "shipments[0].releaseOffice \"95\": must be 4 digits"),
    ("/shipments/1/controlNumber", "1234PARS261126001", "shipments[1].controlNumber \"1234PARS261126001\": appears twice on the trip"),
    ("/shipments/0/controlNumber", "1234 PARS 1", "shipments[0].controlNumber \"1234 PARS 1\": a CCN is 5–25 letters, digits or dashes"),
    ("/shipments/0/commodities/0/description", "Brakes: front + rear", "must not contain ':'"),
    ("/shipments/0/commodities/0/packagingUnit", "PALLET", "packagingUnit \"PALLET\": must be a 3-letter packaging unit code"),
    ("/shipments/0/commodities/0/weight", "12.34567", "weight \"12.34567\": must be a decimal number with at most 4 decimals"),
    ("/shipments/0/commodities/0/weight", "0.0", "weight \"0.0\": must be above 0"),
    ("/shipments/0/commodities/0/weightUnit", "L", "weightUnit \"L\": must be one of KGM, LBR for ACI"),
    ("/shipments/0/commodities/0/hsCode", "87083", "hsCode \"87083\": must be 6–10 digits"),
    ("/shipments/0/commodities/0/countryOfOrigin", "USA", "countryOfOrigin \"USA\": must be an ISO 3166-1 alpha-2 country code"),
    ("/shipments/0/commodities/0/marksAndNumbers/0", "GLBS PO 77120 / LOT 4431 / PALLETS 1-24", "marksAndNumbers[0] \"GLBS PO 77120 / LOT 4431 / PALLETS 1-24\": must be 1–35 characters"),
    ("/shipments/0/shipper/address/country", "U", "shipper.address.country \"U\": must be an ISO 3166-1 alpha-2"),
    ("/crew/0/fastCardNumber", "4270555555550", "crew[0].fastCardNumber: a FAST card number is 14 digits"),
    ("/crew/0/citizenship", "CAN", "crew[0].citizenship: must be an ISO 3166-1 alpha-2 country code"),
    ("/crew/0/dateOfBirth", "2030-01-01", "crew[0].dateOfBirth: must be in the past"),
    ("/crew/0/travelDocuments/0/type", "CDL", "crew[0].travelDocuments[0].type \"CDL\": is not a travel document type code"),
    ("/id", "trip 1", "id \"trip 1\": may hold only letters, digits and . _ : -"),
    ("/customsStatus/reportedAt", "yesterday", "customsStatus.reportedAt \"yesterday\": must be an RFC 3339 date-time"),
];

#[test]
fn aci_rules_name_the_field_and_the_rule() {
    for (pointer, value, expected) in ACI_CASES {
        let mut doc = example_value("aci-trip.json");
        set(&mut doc, pointer, Value::from(*value));
        let text = error_text(&doc);
        assert!(text.contains(expected), "{pointer}={value}: got {text}");
    }
}

#[test]
fn ace_rules_name_the_field_and_the_rule() {
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/carrierCode",
            json!("NR1H"),
            "carrierCode \"NR1H\": a SCAC is 2–4 letters",
        ),
        (
            "/tripNumber",
            json!("ABCD2026112700017"),
            "tripNumber \"ABCD2026112700017\": must start with the trip's SCAC \"NRTH\"",
        ),
        (
            "/tripNumber",
            json!("NRTH20261127000170000000001"),
            "at most 25 characters",
        ),
        (
            "/tripNumber",
            json!("NRTH884512093"),
            "shipments[0].controlNumber \"NRTH884512093\": equals the trip number",
        ),
        (
            "/conveyance/vin",
            Value::Null,
            "conveyance.vin: is required for ACE",
        ),
        (
            "/conveyance/plates",
            json!([]),
            "conveyance.plates: ACE needs 1 or 2 truck plates (found 0)",
        ),
        (
            "/shipments/0/controlNumber",
            json!("NRTH8845120931234"),
            "an SCN is the 4-letter SCAC followed by 4–12 letters or digits",
        ),
        (
            "/shipments/0/controlNumber",
            json!("ABCD884512093"),
            "must start with the SCAC responsible for the shipment \"NRTH\"",
        ),
        (
            "/shipments/0/type",
            json!("PARS"),
            "shipments[0].type \"PARS\": is not an ACE shipment type",
        ),
        (
            "/shipments/0/commodities/0/weightUnit",
            json!("LBR"),
            "must be one of K, L for ACE",
        ),
        (
            "/shipments/1/commodities/0/hazmat/emergencyContact",
            Value::Null,
            "hazmat.emergencyContact: ACE hazardous goods need an emergency contact",
        ),
        (
            "/shipments/0/consignee/address/city",
            json!("X"),
            "consignee.address.city \"X\": must be 2–30 characters",
        ),
        (
            "/crew/0/role",
            json!("PASSENGER"),
            "crew: ACE needs at least one driver",
        ),
        (
            "/crew/0/travelDocuments/1/type",
            json!("BCN"),
            "needs a WHTI document",
        ),
        (
            "/crew/0/travelDocuments/0/type",
            json!("5J"),
            "needs a commercial driver's licence (5K)",
        ),
        (
            "/crew/0/gender",
            Value::Null,
            "crew[0].gender: is required for an ACE driver without FAST card or ACE ID",
        ),
        (
            "/shipments/0/releaseOffice",
            json!("3801"),
            "shipments[0].releaseOffice: is not used on ACE trips",
        ),
    ];
    for (pointer, value, expected) in cases {
        let mut doc = example_value("ace-trip.json");
        set(&mut doc, pointer, value.clone());
        let text = error_text(&doc);
        assert!(text.contains(expected), "{pointer}={value}: got {text}");
    }
}

#[test]
fn ace_driver_with_fast_card_needs_no_documents() {
    let mut doc = example_value("ace-trip.json");
    let driver = &mut doc["crew"][0];
    driver["fastCardNumber"] = "42705555555501".into();
    let obj = driver.as_object_mut().expect("object");
    for k in ["gender", "dateOfBirth", "citizenship", "travelDocuments"] {
        obj.remove(k);
    }
    let report = import(&doc).expect("FAST driver alone is enough");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn unconfirmed_rules_only_warn() {
    let mut doc = example_value("ace-trip.json");
    doc["crew"][0]["fastCardNumber"] = "12345678901234".into(); // no 4270 prefix (†)
    doc["conveyance"]["vin"] = "3AKJHHDR5NSMA443O".into(); // letter O (†)
    doc["shipments"][0]["commodities"][0]["description"] = "Parts".into(); // vague
    let report = import(&doc).expect("warnings only");
    let paths: Vec<&str> = report.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "conveyance.vin",
            "crew[0].fastCardNumber",
            "shipments[0].commodities[0].description",
        ]
    );
    assert!(report
        .warnings
        .iter()
        .all(|w| w.severity == Severity::Warning));
}

/// A UN number is `UN` + four digits from 0004 up (the UN Model Regulations number substances so):
/// anything else is refused on the phone and the fleet alike, never stored (`UN12634` once was).
#[test]
fn malformed_un_numbers_are_errors() {
    for bad in ["UN12634", "NA1993", "UN123", "1203", "UN0003", "UNXXXX"] {
        let mut doc = example_value("ace-trip.json");
        doc["shipments"][1]["commodities"][0]["hazmat"]["unNumber"] = bad.into();
        let text = error_text(&doc);
        assert!(
            text.contains(&format!(
                "shipments[1].commodities[0].hazmat.unNumber \"{bad}\": must be UN followed by 4 digits from 0004 up"
            )),
            "{bad}: {text}"
        );
    }
    let mut doc = example_value("ace-trip.json");
    doc["shipments"][1]["commodities"][0]["hazmat"]["unNumber"] = "UN0004".into();
    import(&doc).expect("UN0004 is the first number assigned");
}

#[test]
fn clock_rules_are_errors_for_the_fleet_and_warnings_on_the_phone() {
    let mut trip = format::parse_trip(&example("aci-trip.json")).expect("parse");
    validate::normalize(&mut trip);
    let after = chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z")
        .expect("d")
        .to_utc();
    let fleet = validate::validate(&trip, &Policy::fleet(after));
    assert_eq!(fleet.errors.len(), 1);
    assert_eq!(
        fleet.errors[0].to_string(),
        "eta.local \"2026-11-26T14:30:00\": is in the past"
    );
    let phone = validate::validate(&trip, &Policy::device(after));
    assert!(phone.errors.is_empty());
    assert_eq!(phone.warnings.len(), 1);
    let far = chrono::DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .expect("d")
        .to_utc();
    let fleet = validate::validate(&trip, &Policy::fleet(far));
    assert!(
        fleet.errors[0].rule.contains("at most 90 days"),
        "{:?}",
        fleet.errors
    );
    // 40 minutes before arrival: the one-hour lead warning.
    let close = chrono::DateTime::parse_from_rfc3339("2026-11-26T13:50:00-05:00")
        .expect("d")
        .to_utc();
    let fleet = validate::validate(&trip, &Policy::fleet(close));
    assert!(fleet.errors.is_empty());
    assert!(
        fleet.warnings[0].rule.contains("less than 60 minutes away"),
        "{:?}",
        fleet.warnings
    );
}

#[test]
fn lowercase_identifiers_are_upper_cased_and_spaces_refused() {
    let mut doc = example_value("aci-trip.json");
    doc["tripNumber"] = "1234tr261126001".into();
    doc["shipments"][0]["controlNumber"] = "1234pars261126001".into();
    let report = import(&doc).expect("normalized");
    assert_eq!(report.outcome, crossing_core::ApplyOutcome::Inserted);
    let mut doc = example_value("aci-trip.json");
    doc["conveyance"]["unitNumber"] = " 412".into();
    assert!(error_text(&doc)
        .contains("conveyance.unitNumber \" 412\": must not start or end with a space"));
}

#[test]
fn personal_data_never_appears_in_errors() {
    let mut doc = example_value("aci-trip.json");
    doc["crew"][0]["firstName"] = "Marie-Hélène-Geneviève-Françoise-Tremblay".into();
    doc["crew"][0]["dateOfBirth"] = "17/04/1981".into();
    doc["crew"][0]["travelDocuments"][0]["number"] = "T7654-32109-81041-XXXXXXXXXXXXXXXX".into();
    doc["conveyance"]["plates"][0]["number"] = "AB#12345".into();
    doc["shipments"][0]["shipper"]["name"] = "".into();
    let text = error_text(&doc);
    for secret in ["Marie", "17/04/1981", "T7654", "AB#12345"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    let Err(Error::Document(DocumentError::Invalid(rejection))) = import(&doc) else {
        panic!("invalid")
    };
    let paths: Vec<&str> = rejection.errors.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "conveyance.plates[0].number",
            "crew[0].firstName",
            "crew[0].dateOfBirth",
            "crew[0].travelDocuments[0].number",
            "shipments[0].shipper.name"
        ]
    );
    assert!(rejection.errors.iter().all(|i| i.value.is_none()));
    // A type error on a personal field: the parser's message has the value blanked out.
    let mut doc = example_value("aci-trip.json");
    doc["crew"][0]["role"] = "Marie Tremblay".into();
    let text = error_text(&doc);
    assert!(text.starts_with("crew[0].role: unknown variant"), "{text}");
    assert!(!text.contains("Marie"), "{text}");
}

#[test]
fn customs_credentials_are_refused_with_the_reason() {
    let cases = [
        ("/sharedSecret", "a CBSA Shared Secret"),
        ("/conveyance/portalPassword", "a customs portal password"),
        ("/shipments/1/companyKey", "a customs provider API key"),
        ("/crew/0/ediLogin", "an EDI credential"),
    ];
    for (pointer, what) in cases {
        let mut doc = example_value("aci-trip.json");
        let (parent, key) = pointer.rsplit_once('/').expect("pointer");
        let target = if parent.is_empty() {
            &mut doc
        } else {
            doc.pointer_mut(parent).expect("parent")
        };
        target
            .as_object_mut()
            .expect("object")
            .insert(key.into(), "s3cr3t-VALUE".into());
        let text = error_text(&doc);
        let path = pointer.trim_start_matches('/').replace('/', ".");
        let path = path.replace(".1.", "[1].").replace(".0.", "[0].");
        assert!(
            text.starts_with(&format!(
                "{path}: refused: {what} does not belong on a driver's phone"
            )),
            "{pointer}: {text}"
        );
        assert!(
            !text.contains("s3cr3t"),
            "the secret itself is never echoed: {text}"
        );
    }
}

#[test]
fn format_version_and_unknown_fields() {
    let mut doc = example_value("aci-trip.json");
    doc["format"] = 2.into();
    assert_eq!(
        error_text(&doc),
        "format: trip document format 2 is not supported; this app reads format 1 (it is newer: update the app)"
    );
    let mut doc = example_value("aci-trip.json");
    doc.as_object_mut().expect("obj").remove("format");
    assert!(error_text(&doc).starts_with("format: missing"));
    let mut doc = example_value("aci-trip.json");
    doc["conveyance"]["colour"] = "red".into();
    let text = error_text(&doc);
    assert!(
        text.starts_with("conveyance.colour: unknown field `colour`"),
        "{text}"
    );
    let text = import_bytes(b"{\"format\": 1, \"id\": ").to_string();
    assert!(text.contains("EOF"), "{text}");
    let text = import_bytes(b"[1,2,3]").to_string();
    assert_eq!(text, ".: a trip document is a JSON object ({ … })");
}

fn import_bytes(bytes: &[u8]) -> Error {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    core.import_trip_json(bytes).expect_err("refused")
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let mut big = vec![b' '; limits::MAX_DOCUMENT_BYTES + 1];
    big[0] = b'{';
    match import_bytes(&big) {
        Error::Document(DocumentError::DocumentTooLarge { size, limit }) => {
            assert_eq!(
                (size, limit),
                (limits::MAX_DOCUMENT_BYTES + 1, 5 * 1024 * 1024)
            );
        }
        other => panic!("{other}"),
    }
    // From a file, the size is checked from metadata without reading the file.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.json");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(64 * 1024 * 1024).expect("sparse file");
    let core = Crossing::open(dir.path().join("data")).expect("open");
    let e = core.import_trip_file(&path).expect_err("too large");
    assert!(
        e.to_string()
            .starts_with("trip document is 67108864 bytes; the limit is 5242880 bytes"),
        "{e}"
    );
}

#[test]
fn absurd_counts_stop_the_parser_at_the_limit() {
    let doc = example_value("aci-trip.json");
    let one = serde_json::to_string(&doc["shipments"][0]).expect("shipment");
    let head = serde_json::to_string(&doc).expect("doc");
    let head = &head[..head.find("\"shipments\":").expect("shipments")];
    // One more than the limit, then garbage: a parser that read everything would report the
    // syntax error at the end; the bounded one stops at item MAX + 1.
    let mut text = String::from(head);
    text.push_str("\"shipments\":[");
    for i in 0..=limits::MAX_SHIPMENTS {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&one);
    }
    text.push_str(",@@@ not json");
    let e = import_bytes(text.as_bytes());
    assert!(
        e.to_string().starts_with(&format!(
            "shipments: more than {0} items: the limit is {0} at line 1",
            limits::MAX_SHIPMENTS
        )),
        "{e}"
    );
    let mut doc = example_value("aci-trip.json");
    doc["crew"] = Value::Array(vec![doc["crew"][0].clone(); limits::MAX_CREW + 1]);
    assert!(error_text(&doc).starts_with("crew: more than 10 items"));
}

#[test]
fn the_json_schema_accepts_the_examples_and_names_every_field() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../docs/trip-format.schema.json"),
        )
        .expect("schema file"),
    )
    .expect("schema JSON");
    assert_eq!(schema["properties"]["format"]["const"], 1);
    // Every field of every example (the examples use every field of the model) is declared.
    for name in ["aci-trip.json", "ace-trip.json"] {
        let doc = example_value(name);
        check_declared(&schema, &schema, &doc, "");
    }
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let pointer = r.trim_start_matches('#');
            root.pointer(pointer)
                .unwrap_or_else(|| panic!("schema $ref {r}"))
        }
        None => node,
    }
}

fn check_declared(root: &Value, node: &Value, doc: &Value, path: &str) {
    let node = resolve(root, node);
    match doc {
        Value::Object(map) => {
            assert_eq!(
                node["additionalProperties"], false,
                "{path}: closed object in schema"
            );
            let props = node["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{path}: properties"));
            for req in node["required"].as_array().into_iter().flatten() {
                let req = req.as_str().expect("name");
                assert!(
                    map.contains_key(req),
                    "{path}.{req} required by schema but absent in example"
                );
            }
            for (k, v) in map {
                let sub = props
                    .get(k)
                    .unwrap_or_else(|| panic!("{path}.{k} not declared in schema"));
                check_declared(root, sub, v, &format!("{path}.{k}"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_declared(root, &node["items"], item, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../docs/trip-format.schema.json"),
        )
        .expect("schema file"),
    )
    .expect("schema JSON");
    jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema")
}

#[test]
fn a_real_json_schema_validator_agrees_with_the_core_on_shape() {
    let validator = schema_validator();
    for name in ["aci-trip.json", "ace-trip.json", "aci-trip-500.json"] {
        let doc = example_value(name);
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // Shape errors: both the schema and the core refuse them.
    let cases: Vec<(&str, Value)> = vec![
        ("/format", json!(2)),
        ("/portOfEntry", json!("453")),
        ("/conveyance/colour", json!("red")),
        ("/shipments/0/commodities/0/weight", json!("12.34567")),
        ("/shipments/0/commodities/0/quantity", json!(0)),
        ("/crew/0/role", json!("PILOT")),
        (
            "/shipments/0/commodities/0/description",
            json!("Brakes: front"),
        ),
        ("/trailers/0/seals/0", json!("SEAL-0123456789-LONG")),
    ];
    for (pointer, value) in cases {
        let mut doc = example_value("aci-trip.json");
        set(&mut doc, pointer, value.clone());
        assert!(
            !validator.is_valid(&doc),
            "schema accepts {pointer}={value}"
        );
        assert!(import(&doc).is_err(), "core accepts {pointer}={value}");
    }
}

/// Issue 11, D12: bidirectional overrides and isolates, which reorder how a name or a
/// description is displayed, are refused in manifest text, naming the field; the marks and the
/// zero-width joiners that scripts such as Gurmukhi need are not.
#[test]
fn bidi_overrides_are_refused_in_manifest_text() {
    for (pointer, path) in [
        ("/crew/0/firstName", "crew[0].firstName"),
        ("/shipments/0/consignee/name", "shipments[0].consignee.name"),
        (
            "/shipments/0/commodities/0/description",
            "shipments[0].commodities[0].description",
        ),
    ] {
        for c in ['\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}'] {
            let mut doc = example_value("aci-trip.json");
            let old = doc
                .pointer(pointer)
                .and_then(Value::as_str)
                .expect("text")
                .to_string();
            set(
                &mut doc,
                pointer,
                Value::String(format!("{}{c}{}", &old[..2], &old[2..])),
            );
            let text = error_text(&doc);
            assert!(
                text.contains(path)
                    && text.contains("must not contain bidirectional override characters"),
                "{pointer} with U+{:04X}: {text}",
                c as u32
            );
        }
    }
    // A right-to-left mark and a zero-width joiner are ordinary text.
    let mut doc = example_value("aci-trip.json");
    set(
        &mut doc,
        "/shipments/0/consignee/name",
        json!("Northern \u{200F}Auto\u{200D} Assembly"),
    );
    import(&doc).expect("marks and joiners are allowed");
}
