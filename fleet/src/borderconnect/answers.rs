//! Customs' answers as BorderConnect relays them (`API_RESPONSE`, `ACE_RESPONSE`,
//! `ACI_RESPONSE`, `ACI_NOTICE`, `RNS_SHIPMENT`), read into standings of the trip and of its
//! shipments. A [`CustomsSignal`] is set only where `docs/borderconnect.md` names a source for
//! the code's meaning; every other code keeps its raw form and the provider's words.

use crossing_trip::customs::CustomsSignal;
use crossing_trip::Regime;

use super::read::{Findings, Obj};

/// What one answer says, and of what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The message kind.
    pub source: &'static str,
    /// The regime of the trips it can be about (`None`: either, for `API_RESPONSE`).
    pub regime: Option<Regime>,
    /// The trip number it names, if any (most `ACI_NOTICE`s name only cargo).
    pub trip_number: Option<String>,
    /// One entry per subject: `None` for the trip, or a shipment's control number.
    pub entries: Vec<(Option<String>, Entry)>,
}

/// One standing of one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The raw code.
    pub code: String,
    /// Its meaning, when confirmed.
    pub signal: Option<CustomsSignal>,
    /// The provider's or agency's words.
    pub text: Option<String>,
    /// The agency's time stamp, as sent.
    pub customs_time: Option<String>,
}

impl Answer {
    /// The control numbers it speaks of, in order.
    pub fn control_numbers(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|(s, _)| s.as_deref())
    }
}

fn upper(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty())
}

fn joined(parts: Vec<String>) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The trip number of an answer: its own, or the one of the send-request it answers.
fn trip_number(f: &mut Findings, o: Obj<'_>) -> Option<String> {
    upper(o.text(f, "tripNumber")).or_else(|| {
        o.child(f, "sendRequest")
            .and_then(|r| upper(r.obj().text(f, "tripNumber")))
    })
}

/// `API_RESPONSE`: BorderConnect's own acknowledgement of an upload.
pub fn api_response(f: &mut Findings, o: Obj<'_>) -> Answer {
    let status = o.required(f, "status").trim().to_ascii_uppercase();
    let signal = if status == "TRANSMITTED" {
        Some(CustomsSignal::Transmitted)
    } else if status.ends_with("_ERROR") || status.ends_with("_WITH_ERRORS") {
        Some(CustomsSignal::ProviderError)
    } else {
        None
    };
    let mut parts: Vec<String> = o.text(f, "message").into_iter().collect();
    for e in o.list(f, "errors") {
        let e = e.obj();
        let at = e.text(f, "identifier").unwrap_or_default();
        let note = e.text(f, "note").unwrap_or_default();
        parts.push(if at.is_empty() {
            note
        } else {
            format!("{at}: {note}")
        });
    }
    Answer {
        source: "API_RESPONSE",
        regime: None,
        trip_number: trip_number(f, o),
        entries: vec![(
            None,
            Entry {
                code: status,
                signal,
                text: joined(parts),
                customs_time: o.text(f, "dateTime"),
            },
        )],
    }
}

/// `ACE_RESPONSE`: what CBP said of the trip and its shipments.
pub fn ace_response(f: &mut Findings, o: Obj<'_>) -> Answer {
    let time = o.text(f, "cbpDateTime").or_else(|| o.text(f, "dateTime"));
    let mut entries = Vec::new();
    if let Some(p) = o.child(f, "processingResponse") {
        let p = p.obj();
        let number = |key: &str| p.raw(key).and_then(serde_json::Value::as_u64);
        entries.push((
            None,
            match (number("shipmentsAccepted"), number("shipmentsRejected")) {
                // The vendor's shape (S1): counts of accepted and rejected shipments.
                (accepted, Some(rejected)) => Entry {
                    code: "PROCESSED".into(),
                    signal: Some(if rejected == 0 {
                        CustomsSignal::Accepted
                    } else {
                        CustomsSignal::Rejected
                    }),
                    text: Some(format!(
                        "{} shipment(s) accepted, {rejected} rejected",
                        accepted.unwrap_or(0)
                    )),
                    customs_time: time.clone(),
                },
                // Any other shape is kept as it came (C4).
                _ => Entry {
                    code: p
                        .text(f, "code")
                        .unwrap_or_else(|| "PROCESSING_RESPONSE".into()),
                    signal: None,
                    text: p.text(f, "description"),
                    customs_time: time.clone(),
                },
            },
        ));
    }
    let rejections: Vec<String> = o
        .list(f, "validationResponses")
        .iter()
        .map(|v| {
            let v = v.obj();
            let code = v.text(f, "code").unwrap_or_default();
            let text = v.text(f, "description").unwrap_or_default();
            format!("{code} {text}").trim().to_string()
        })
        .collect();
    if !rejections.is_empty() {
        entries.push((
            None,
            Entry {
                code: "VALIDATION".into(),
                signal: Some(CustomsSignal::Rejected),
                text: joined(rejections),
                customs_time: time.clone(),
            },
        ));
    }
    if let Some(status) = o.text(f, "tripStatus") {
        // CBP trip status codes: no source confirms their meaning (S4 only guesses).
        entries.push((
            None,
            Entry {
                code: status.trim().to_string(),
                signal: None,
                text: None,
                customs_time: time.clone(),
            },
        ));
    }
    for s in o.list(f, "shipmentStatusList") {
        let s = s.obj();
        let Some(number) = upper(s.text(f, "shipmentControlNumber")) else {
            f.error(&s.at("shipmentControlNumber"), None, "is required");
            continue;
        };
        let mut words: Vec<String> = s.text(f, "description").into_iter().collect();
        if let Some(entry) = s.text(f, "entryNumber") {
            words.push(format!("entry {entry}"));
        }
        if let Some(port) = s.text(f, "port") {
            words.push(format!("port {port}"));
        }
        entries.push((
            Some(number),
            Entry {
                code: s.required(f, "code").trim().to_string(),
                signal: None,
                text: joined(words),
                customs_time: time.clone(),
            },
        ));
    }
    Answer {
        source: "ACE_RESPONSE",
        regime: Some(Regime::Ace),
        trip_number: trip_number(f, o),
        entries,
    }
}

/// `ACI_RESPONSE`: CBSA accepted or rejected what was sent.
pub fn aci_response(f: &mut Findings, o: Obj<'_>) -> Answer {
    let kind = o.required(f, "type").trim().to_ascii_uppercase();
    let signal = match kind.as_str() {
        "ACCEPT" => Some(CustomsSignal::Accepted),
        "REJECT" => Some(CustomsSignal::Rejected),
        _ => None,
    };
    let reasons = o
        .list(f, "errorResponses")
        .iter()
        .map(|e| {
            let e = e.obj();
            let field = e.text(f, "errorField").unwrap_or_default();
            let words = e
                .text(f, "errorDescription")
                .or_else(|| e.text(f, "errorText"))
                .unwrap_or_default();
            let code = e.text(f, "errorCode").unwrap_or_default();
            let head = if field.is_empty() {
                words
            } else {
                format!("{field}: {words}")
            };
            if code.is_empty() {
                head
            } else {
                format!("{head} ({code})")
            }
        })
        .collect();
    let subject = upper(o.text(f, "cargoControlNumber")).or_else(|| {
        o.child(f, "sendRequest")
            .and_then(|r| upper(r.obj().text(f, "cargoControlNumber")))
    });
    Answer {
        source: "ACI_RESPONSE",
        regime: Some(Regime::Aci),
        trip_number: trip_number(f, o),
        entries: vec![(
            subject,
            Entry {
                code: kind,
                signal,
                text: joined(reasons),
                customs_time: o.text(f, "cbsaDateTime").or_else(|| o.text(f, "dateTime")),
            },
        )],
    }
}

/// `ACI_NOTICE`: CBSA's later notices (PARS matching, arrival, review time).
pub fn aci_notice(f: &mut Findings, o: Obj<'_>) -> Answer {
    let kind = o.required(f, "type").trim().to_ascii_uppercase();
    let signal = match kind.as_str() {
        "MATCHED" => Some(CustomsSignal::Matched),
        "NOT_MATCHED" => Some(CustomsSignal::NotMatched),
        "ARRIVAL_REPORTED" => Some(CustomsSignal::ArrivalReported),
        "INSUFFICIENT_REVIEW_TIME_WARNING" => Some(CustomsSignal::ReviewTimeWarning),
        // CSA_REPORTED and anything else: the name alone does not say what it means here.
        _ => None,
    };
    let entry = Entry {
        code: kind.clone(),
        signal,
        text: o.text(f, "message"),
        customs_time: o.text(f, "cbsaDateTime").or_else(|| o.text(f, "dateTime")),
    };
    let mut numbers: Vec<String> = upper(o.text(f, "cargoControlNumber")).into_iter().collect();
    for r in o.list(f, "references") {
        if let Some(n) = upper(r.obj().text(f, "cargoControlNumber")) {
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
    }
    let trip_number = trip_number(f, o);
    let mut entries = Vec::new();
    // An arrival is the truck's; a notice naming only the trip is the trip's.
    if trip_number.is_some() && (numbers.is_empty() || kind == "ARRIVAL_REPORTED") {
        entries.push((None, entry.clone()));
    }
    entries.extend(numbers.into_iter().map(|n| (Some(n), entry.clone())));
    if entries.is_empty() {
        f.error(
            &o.at("cargoControlNumber"),
            None,
            "a notice must name its cargo (cargoControlNumber or references[]) or its tripNumber",
        );
    }
    Answer {
        source: "ACI_NOTICE",
        regime: Some(Regime::Aci),
        trip_number,
        entries,
    }
}

/// `RNS_SHIPMENT`: CBSA's Release Notification System on one cargo. Release codes are shown
/// raw: no source confirms what each number means.
pub fn rns_shipment(f: &mut Findings, o: Obj<'_>) -> Answer {
    let number = upper(o.text(f, "cargoControlNumber"));
    if number.is_none() {
        f.error(&o.at("cargoControlNumber"), None, "is required");
    }
    let status = o.child(f, "status");
    let status = status.as_ref().map(|s| s.obj());
    let release = status.and_then(|s| s.child(f, "releaseCode"));
    let release = release.as_ref().map(|r| r.obj());
    let code = release
        .and_then(|r| r.text(f, "number"))
        .unwrap_or_else(|| "?".into());
    let short = release.and_then(|r| r.text(f, "shortName"));
    let long = release.and_then(|r| r.text(f, "longName"));
    let mut words: Vec<String> = match (short, long) {
        (Some(s), Some(l)) if s != l => vec![format!("{s} ({l})")],
        (Some(s), _) | (None, Some(s)) => vec![s],
        (None, None) => vec![],
    };
    if let Some(t) = o.text(f, "transactionNumber") {
        words.push(format!("transaction {t}"));
    }
    if let Some(office) = o.child(f, "releaseOffice") {
        let office = office.obj();
        let n = office.text(f, "number").unwrap_or_default();
        let name = office.text(f, "name").unwrap_or_default();
        words.push(format!("office {n} {name}").trim().to_string());
    }
    if let Some(i) = status.and_then(|s| s.text(f, "deliveryInstructions")) {
        words.push(i);
    }
    Answer {
        source: "RNS_SHIPMENT",
        regime: Some(Regime::Aci),
        trip_number: None,
        entries: number
            .into_iter()
            .map(|n| {
                (
                    Some(n),
                    Entry {
                        code: code.clone(),
                        signal: None,
                        text: joined(words.clone()),
                        customs_time: status.and_then(|s| s.text(f, "dateTime")),
                    },
                )
            })
            .collect(),
    }
}
