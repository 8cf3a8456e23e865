//! BorderConnect JSON, the documents fleets already file their eManifests with, read into what
//! the fleet server stores: trips (`ACE_TRIP`, `ACI_TRIP`), shipment changes (`ACE_SHIPMENT`,
//! `ACI_SHIPMENT`) and customs' answers (`API_RESPONSE`, `ACE_RESPONSE`, `ACI_RESPONSE`,
//! `ACI_NOTICE`, `RNS_SHIPMENT`). Pure: no database; `crate::store::borderconnect` applies it.
//!
//! A body is one message, an array of them, or a portal export (one wrapper object, or a trip
//! with its `history`). Reading is lenient where the sources disagree (`docs/borderconnect.md`
//! lists the conflicts) and strict where the driver depends on it: the trip goes through the
//! same parse and validation as a pushed one. Secrets (`companyKey`, API keys) are never kept.

pub mod answers;
pub mod read;
pub mod trip;
pub mod zones;

use crossing_trip::model::Shipment;
use crossing_trip::{Issue, Regime, Trip};
use serde_json::Value;

use read::{Findings, Obj};

/// Most messages one import may hold.
pub const MAX_MESSAGES: usize = 2_000;

/// What a trip or shipment document asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// `CREATE`, `UPDATE`, `SYNC`, or none: store this content (a new version if it changed).
    Upsert,
    /// `DELETE`: cancel the trip, or remove the shipment.
    Delete,
}

/// One message, read.
#[derive(Debug)]
pub enum Message {
    /// A whole trip.
    Trip {
        /// Store or cancel.
        operation: Operation,
        /// The trip (version 0: the store numbers it).
        trip: Box<Trip>,
        /// Crossing paths → BorderConnect paths, for validation findings.
        paths: trip::PathMap,
    },
    /// A shipment sent on its own.
    Shipment {
        /// ACE or ACI.
        regime: Regime,
        /// Add/change, or remove.
        operation: Operation,
        /// The trip it names (`tripNumber`), when it names one; else the trip that already
        /// carries its control number.
        trip_number: Option<String>,
        /// The shipment.
        shipment: Box<Shipment>,
        /// Its BorderConnect path.
        path: String,
    },
    /// Customs' (or the provider's) answer.
    Answer(answers::Answer),
    /// Read and deliberately not acted on (send requests, PDF requests, alerts).
    Ignored {
        /// Why nothing is done with it.
        reason: String,
    },
}

/// One message of the body, with where it was and what reading it found.
#[derive(Debug)]
pub struct Document {
    /// Its path in the body (`""` for a lone message, `[3]` in an array).
    pub path: String,
    /// Its `data` kind (corrected when the vendor's own example has it wrong).
    pub data: String,
    /// What it is.
    pub message: Message,
    /// Reading warnings, with BorderConnect paths.
    pub warnings: Vec<Issue>,
    /// The document as the server keeps it: secrets removed.
    pub kept: Value,
}

/// Every error of a refused body, with BorderConnect paths.
#[derive(Debug)]
pub struct Refused(pub Vec<Issue>);

/// The message kinds, and what is done with the ones that are not acted on.
const IGNORED: &[(&str, &str)] = &[
    (
        "ACE_SEND_REQUEST",
        "a send request asks BorderConnect to transmit to CBP; customs' answer arrives as its own message",
    ),
    (
        "ACI_SEND_REQUEST",
        "a send request asks BorderConnect to transmit to CBSA; customs' answer arrives as its own message",
    ),
    (
        "RNS_SEND_REQUEST",
        "a status query to CBSA's RNS; its answer arrives as RNS_SHIPMENT",
    ),
    (
        "PDF_REQUEST",
        "asks BorderConnect to e-mail its driver's copy; Crossing prints its own papers",
    ),
    (
        "SYSTEM_ALERT",
        "a BorderConnect service notice, about no trip",
    ),
];

/// Splits a body into its messages and reads each. Any error refuses the whole body.
pub fn read_body(body: &[u8]) -> Result<Vec<Document>, Refused> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        Refused(vec![Issue {
            severity: crossing_trip::Severity::Error,
            path: "body".into(),
            value: None,
            rule: format!(
                "must be JSON (line {}, column {}): {}",
                e.line(),
                e.column(),
                e.classify_reason()
            ),
            msg: None,
        }])
    })?;
    let mut findings = Findings::default();
    let items = split(&mut findings, &value);
    if items.len() > MAX_MESSAGES {
        findings.error(
            "body",
            None,
            format!(
                "holds {} messages; at most {MAX_MESSAGES} per import",
                items.len()
            ),
        );
        return Err(Refused(findings.errors));
    }
    let mut errors = findings.errors;
    let mut documents = Vec::new();
    for (path, item) in items {
        let mut f = Findings::default();
        let doc = read_one(&mut f, &path, item);
        errors.extend(f.errors);
        if let Some((data, message)) = doc {
            documents.push(Document {
                path,
                data,
                message,
                warnings: f.warnings,
                kept: read::without_secrets(item),
            });
        }
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(Refused(errors))
    }
}

trait ReasonOf {
    fn classify_reason(&self) -> &'static str;
}

impl ReasonOf for serde_json::Error {
    fn classify_reason(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "could not be read",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "unexpected value",
            serde_json::error::Category::Eof => "ends too early",
        }
    }
}

/// The messages of a body, with their paths: one, an array, a wrapper object around one or
/// an array (`{"aciTrip": {…}}`), or a trip with its `history` of answers.
fn split<'v>(f: &mut Findings, value: &'v Value) -> Vec<(String, &'v Value)> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v))
            .collect(),
        Value::Object(map) if map.contains_key("data") => {
            let mut out = vec![(String::new(), value)];
            if let Some(Value::Array(history)) = map.get("history") {
                out.extend(
                    history
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("history[{i}]"), v)),
                );
            }
            out
        }
        Value::Object(map) if map.len() == 1 => {
            let Some((key, inner)) = map.iter().next() else {
                return Vec::new();
            };
            match inner {
                Value::Object(m) if m.contains_key("data") => vec![(key.clone(), inner)],
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{key}[{i}]"), v))
                    .collect(),
                _ => {
                    f.error("data", None, NO_DATA);
                    Vec::new()
                }
            }
        }
        _ => {
            f.error("data", None, NO_DATA);
            Vec::new()
        }
    }
}

const NO_DATA: &str =
    "is required: a BorderConnect message names its kind in `data` (ACI_TRIP, ACE_TRIP, ACI_NOTICE, …)";

fn operation(f: &mut Findings, o: Obj<'_>) -> Option<Option<Operation>> {
    match o
        .text(f, "operation")
        .map(|s| s.trim().to_ascii_uppercase())
        .as_deref()
    {
        None | Some("CREATE" | "UPDATE" | "SYNC") => Some(Some(Operation::Upsert)),
        Some("DELETE") => Some(Some(Operation::Delete)),
        Some("CANCEL_SYNC") => Some(None),
        Some(other) => {
            f.error(
                &o.at("operation"),
                Some(other),
                "must be CREATE, UPDATE, DELETE, SYNC or CANCEL_SYNC",
            );
            None
        }
    }
}

fn read_one(f: &mut Findings, path: &str, value: &Value) -> Option<(String, Message)> {
    let Some(o) = Obj::root(value, path) else {
        f.error(
            path,
            None,
            "must be a BorderConnect message (a JSON object)",
        );
        return None;
    };
    let Some(data) = o.text(f, "data").map(|d| d.trim().to_ascii_uppercase()) else {
        f.error(&o.at("data"), None, NO_DATA);
        return None;
    };
    let regime = |d: &str| {
        if d.starts_with("ACE") {
            Regime::Ace
        } else {
            Regime::Aci
        }
    };
    let message = match data.as_str() {
        "ACE_TRIP" | "ACI_TRIP" => {
            let operation = operation(f, o)?;
            let (trip, paths) = trip::read_trip(f, o, regime(&data));
            match operation {
                Some(operation) => Message::Trip {
                    operation,
                    trip: Box::new(trip),
                    paths,
                },
                None => Message::Ignored {
                    reason: "CANCEL_SYNC stops BorderConnect's sync; the trip is unchanged".into(),
                },
            }
        }
        "ACE_SHIPMENT" | "ACI_SHIPMENT" => {
            let operation = operation(f, o)?;
            let regime = regime(&data);
            let shipment = trip::shipment(f, o, regime);
            match operation {
                Some(operation) => Message::Shipment {
                    regime,
                    operation,
                    trip_number: o
                        .text(f, "tripNumber")
                        .map(|t| t.trim().to_ascii_uppercase()),
                    shipment: Box::new(shipment),
                    path: path.to_string(),
                },
                None => Message::Ignored {
                    reason: "CANCEL_SYNC stops BorderConnect's sync; the shipment is unchanged"
                        .into(),
                },
            }
        }
        "API_RESPONSE" => Message::Answer(answers::api_response(f, o)),
        "ACE_RESPONSE" => Message::Answer(answers::ace_response(f, o)),
        "ACI_RESPONSE" => Message::Answer(answers::aci_response(f, o)),
        "ACI_NOTICE" => Message::Answer(answers::aci_notice(f, o)),
        "RNS_SHIPMENT" => Message::Answer(answers::rns_shipment(f, o)),
        "ACE_SEND_REQUEST" if is_aci_send_request(o) => {
            // The vendor's published ACI example is labelled ACE_SEND_REQUEST (C14).
            f.warn(
                &o.at("data"),
                Some("ACE_SEND_REQUEST"),
                "the fields are an ACI send request's (bundleTripAndShipments, type ORIGINAL/AMEND/CANCEL), as in the vendor's own mislabelled example; read as ACI_SEND_REQUEST",
            );
            return Some(("ACI_SEND_REQUEST".into(), ignored("ACI_SEND_REQUEST")));
        }
        d if IGNORED.iter().any(|(k, _)| *k == d) => ignored(d),
        other => {
            f.error(
                &o.at("data"),
                Some(other),
                "is not a message kind Crossing reads: ACE_TRIP, ACI_TRIP, ACE_SHIPMENT, ACI_SHIPMENT, API_RESPONSE, ACE_RESPONSE, ACI_RESPONSE, ACI_NOTICE, RNS_SHIPMENT (send requests, PDF_REQUEST and SYSTEM_ALERT are read and ignored)",
            );
            return None;
        }
    };
    Some((data, message))
}

fn ignored(data: &str) -> Message {
    Message::Ignored {
        reason: IGNORED
            .iter()
            .find(|(k, _)| *k == data)
            .map_or("not acted on", |(_, r)| r)
            .to_string(),
    }
}

/// An ACI send request carries `bundleTripAndShipments` or an ACI type; an ACE one neither.
fn is_aci_send_request(o: Obj<'_>) -> bool {
    o.raw("bundleTripAndShipments").is_some()
        || o.raw("type")
            .and_then(Value::as_str)
            .is_some_and(|t| matches!(t, "ORIGINAL" | "AMEND" | "CANCEL"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_port_zone_is_one_the_library_accepts() {
        for code in (0..10_000).map(|n| format!("{n:04}")) {
            for zone in [zones::us_port_zone(&code), zones::ca_port_zone(&code)]
                .into_iter()
                .flatten()
            {
                assert!(
                    zone.parse::<chrono_tz::Tz>().is_ok(),
                    "port {code}: zone {zone} is not compiled into chrono-tz"
                );
            }
        }
    }

    #[test]
    fn a_body_that_is_not_borderconnect_names_data() {
        let e = read_body(br#"{"format":1,"id":"T-1"}"#).unwrap_err();
        assert_eq!(e.0[0].path, "data");
        let e = read_body(br#"[{"data":"ACE_MANIFEST"}]"#).unwrap_err();
        assert_eq!(e.0[0].path, "[0].data");
        assert!(e.0[0].rule.contains("not a message kind"));
        let e = read_body(b"{nope").unwrap_err();
        assert_eq!(e.0[0].path, "body");
    }

    #[test]
    fn secrets_are_not_kept() {
        let docs = read_body(
            br#"{"data":"SYSTEM_ALERT","companyKey":"c-1","message":"m","nested":{"apiKey":"k"}}"#,
        )
        .unwrap();
        let kept = docs[0].kept.to_string();
        assert!(!kept.contains("c-1") && !kept.contains("apiKey"), "{kept}");
        assert!(kept.contains("\"message\":\"m\""));
    }
}
