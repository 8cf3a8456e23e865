//! Status events as a document: their kinds and fields, and the rules an event must meet.
//!
//! The phone applies them when the driver records (the outbox is in `crossing-core`) and the
//! fleet server to every uploaded event: one implementation, so the server accepts exactly what
//! its phone would have.
//!
//! [`check`] holds an event against its trip (shipment on the trip, port, time window);
//! [`check_fields`] holds the rules that need neither trip nor clock.

use crossing_text::Msg;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::error::{Error, Result};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The driver read the manifest at `trip_version_seen` (also acknowledges an amendment).
    TripAcknowledged,
    /// Left the origin.
    DepartedOrigin,
    /// Reached the border (port).
    ArrivedAtBorder,
    /// Sent to primary or secondary inspection.
    InInspection,
    /// The officer let the truck go (driver's word; customs status confirms).
    Released,
    /// Reached the consignee (optionally for one shipment).
    ArrivedAtConsignee,
    /// A shipment was delivered.
    Delivered,
    /// Something went wrong (note required).
    Exception,
    /// Corrects an earlier event (which event, and why).
    Correction,
}

impl EventKind {
    /// Every kind, in the order a trip normally goes.
    pub const ALL: [EventKind; 9] = [
        EventKind::TripAcknowledged,
        EventKind::DepartedOrigin,
        EventKind::ArrivedAtBorder,
        EventKind::InInspection,
        EventKind::Released,
        EventKind::ArrivedAtConsignee,
        EventKind::Delivered,
        EventKind::Exception,
        EventKind::Correction,
    ];

    /// Stable wire and storage name (`arrived_at_border`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::TripAcknowledged => "trip_acknowledged",
            EventKind::DepartedOrigin => "departed_origin",
            EventKind::ArrivedAtBorder => "arrived_at_border",
            EventKind::InInspection => "in_inspection",
            EventKind::Released => "released",
            EventKind::ArrivedAtConsignee => "arrived_at_consignee",
            EventKind::Delivered => "delivered",
            EventKind::Exception => "exception",
            EventKind::Correction => "correction",
        }
    }

    /// The id of its words in the catalogues (`crossing-text`).
    pub fn text_id(self) -> &'static str {
        match self {
            EventKind::TripAcknowledged => "event-trip-acknowledged",
            EventKind::DepartedOrigin => "event-departed-origin",
            EventKind::ArrivedAtBorder => "event-arrived-at-border",
            EventKind::InInspection => "event-in-inspection",
            EventKind::Released => "event-released",
            EventKind::ArrivedAtConsignee => "event-arrived-at-consignee",
            EventKind::Delivered => "event-delivered",
            EventKind::Exception => "event-exception",
            EventKind::Correction => "event-correction",
        }
    }

    /// Words for the driver, in English (logs, the fleet server).
    pub fn label(self) -> &'static str {
        match self {
            EventKind::TripAcknowledged => "Manifest acknowledged",
            EventKind::DepartedOrigin => "Departed origin",
            EventKind::ArrivedAtBorder => "Arrived at border",
            EventKind::InInspection => "In inspection",
            EventKind::Released => "Released (driver)",
            EventKind::ArrivedAtConsignee => "Arrived at consignee",
            EventKind::Delivered => "Delivered",
            EventKind::Exception => "Exception",
            EventKind::Correction => "Correction",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventKind {
    type Err = Error;

    /// Accepts `arrived_at_border` or `arrived-at-border`, any case.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::input(
                    "kind",
                    format!("{s:?} is not an event kind ({})", names.join(", ")),
                )
            })
    }
}

/// Primary or secondary inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inspection {
    /// At the primary inspection line (booth).
    Primary,
    /// Referred to secondary inspection.
    Secondary,
}

impl Inspection {
    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            Inspection::Primary => "primary",
            Inspection::Secondary => "secondary",
        }
    }
}

impl FromStr for Inspection {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "primary" => Ok(Inspection::Primary),
            "secondary" => Ok(Inspection::Secondary),
            _ => Err(Error::input(
                "inspection",
                format!("{s:?} must be primary or secondary"),
            )),
        }
    }
}

/// What the driver asks to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    /// The trip it is about.
    pub trip_id: String,
    /// What happened.
    pub kind: EventKind,
    /// Port code (4 digits): arrived at border (defaults to the trip's port), inspection, released.
    pub port: Option<String>,
    /// Shipment control number: delivered (required), arrived at consignee, exception.
    pub shipment: Option<String>,
    /// Inspection level: in inspection (required).
    pub inspection: Option<Inspection>,
    /// Id of the event being corrected: correction (required).
    pub corrects: Option<String>,
    /// Free text: exception and correction (required), any kind (optional).
    pub note: Option<String>,
    /// When it happened, if not now (e.g. the driver taps late). At most 7 days back.
    pub occurred_at: Option<DateTime<FixedOffset>>,
}

impl EventInput {
    /// An input with only the trip and kind set.
    pub fn new(trip_id: impl Into<String>, kind: EventKind) -> Self {
        EventInput {
            trip_id: trip_id.into(),
            kind,
            port: None,
            shipment: None,
            inspection: None,
            corrects: None,
            note: None,
            occurred_at: None,
        }
    }
}

/// Longest note, in characters.
pub const NOTE_MAX: usize = 500;
const SHIPMENT_MAX: usize = 25;
const BACKDATE_MAX_DAYS: i64 = 7;
const FUTURE_SLACK_MINUTES: i64 = 5;

/// Checks an event against the trip it is about: [`check_fields`], then the trip's port as
/// the default border port, the shipment on the trip, and the time window. `shipments` are the
/// trip's control numbers; `None` means a tombstoned trip (cancelled or purged): the trip is
/// known but its shipments are no longer on the device.
#[inline]
pub fn check(
    input: &mut EventInput,
    trip_port: &str,
    shipments: Option<&[String]>,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    check_fields(input)?;
    if input.port.is_none() && input.kind == EventKind::ArrivedAtBorder {
        input.port = Some(trip_port.to_string());
    }
    if let Some(shipment) = &input.shipment {
        match shipments {
            None => {
                return Err(Error::input_msg(
                    "shipment",
                    Msg::new("rule-shipments-gone"),
                ))
            }
            Some(list) if !list.iter().any(|s| s == shipment) => {
                return Err(Error::input_msg(
                    "shipment",
                    Msg::new("rule-shipment-not-on-trip")
                        .arg("shipment", shipment.as_str())
                        .arg("trip", input.trip_id.as_str()),
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(at) = input.occurred_at {
        if at > now + chrono::Duration::minutes(FUTURE_SLACK_MINUTES) {
            return Err(Error::input_msg("occurred_at", Msg::new("rule-not-future")));
        }
        if at < now - chrono::Duration::days(BACKDATE_MAX_DAYS) {
            return Err(Error::input_msg(
                "occurred_at",
                Msg::new("rule-within-days").num("days", BACKDATE_MAX_DAYS),
            ));
        }
    }
    Ok(())
}

/// The rules of an event that need neither the trip nor the clock, normalizing as it goes
/// (trimmed port and note, upper-case shipment): which fields each kind takes and requires,
/// the port's form, the note's length and characters. The phone applies them when the driver
/// records ([`check`]) and the fleet server to every uploaded event ([`check_wire`]): one
/// implementation, so the server accepts exactly what its phone would have.
#[inline]
pub fn check_fields(input: &mut EventInput) -> Result<()> {
    use EventKind as K;
    let kind = input.kind;
    let not_used =
        |field: &str| Error::input_msg(field, Msg::new("rule-not-used").arg("kind", kind.as_str()));
    // Which optional fields each kind takes.
    let takes_port = matches!(kind, K::ArrivedAtBorder | K::InInspection | K::Released);
    let takes_shipment = matches!(kind, K::ArrivedAtConsignee | K::Delivered | K::Exception);
    if input.port.is_some() && !takes_port {
        return Err(not_used("port"));
    }
    if input.shipment.is_some() && !takes_shipment {
        return Err(not_used("shipment"));
    }
    if input.inspection.is_some() && kind != K::InInspection {
        return Err(not_used("inspection"));
    }
    if input.corrects.is_some() && kind != K::Correction {
        return Err(not_used("corrects"));
    }
    if let Some(port) = &mut input.port {
        *port = port.trim().to_string();
        if !(port.len() == 4 && port.bytes().all(|b| b.is_ascii_digit())) {
            return Err(Error::input_msg(
                "port",
                Msg::new("rule-port-digits").arg("port", port.as_str()),
            ));
        }
    }
    if let Some(shipment) = &mut input.shipment {
        *shipment = shipment.trim().to_ascii_uppercase();
        if shipment.is_empty() || shipment.chars().count() > SHIPMENT_MAX {
            return Err(Error::input_msg(
                "shipment",
                Msg::new("rule-shipment-length").num("max", SHIPMENT_MAX as i64),
            ));
        }
        if let Some(rule) = crate::limits::text_rule_id(shipment, false) {
            return Err(Error::input_msg("shipment", Msg::new(rule)));
        }
    } else if kind == K::Delivered {
        return Err(Error::input_msg(
            "shipment",
            Msg::new("rule-shipment-required"),
        ));
    }
    if kind == K::InInspection && input.inspection.is_none() {
        return Err(Error::input_msg(
            "inspection",
            Msg::new("rule-inspection-required"),
        ));
    }
    if kind == K::Correction && input.corrects.is_none() {
        return Err(Error::input_msg(
            "corrects",
            Msg::new("rule-corrects-required"),
        ));
    }
    if let Some(note) = &mut input.note {
        *note = note.trim().to_string();
        if note.is_empty() {
            input.note = None;
        } else if note.chars().count() > NOTE_MAX {
            return Err(Error::input_msg(
                "note",
                Msg::new("rule-note-length").num("max", NOTE_MAX as i64),
            ));
        } else if let Some(rule) = crate::limits::text_rule_id(note, true) {
            return Err(Error::input_msg("note", Msg::new(rule)));
        }
    }
    if matches!(kind, K::Exception | K::Correction) && input.note.is_none() {
        return Err(Error::input_msg(
            "note",
            Msg::new("rule-note-required").arg("kind", kind.as_str()),
        ));
    }
    Ok(())
}

/// An uploaded event read as the phone would have recorded it: its kind, inspection level and
/// `occurred_at` parsed, then [`check_fields`]. The server's refusal reasons are these errors.
pub fn check_wire(e: &crate::protocol::WireEvent) -> Result<EventInput> {
    let kind = e.kind.parse::<EventKind>().map_err(|_| {
        Error::input(
            "kind",
            format!("{:?} is not an event kind", truncate(&e.kind)),
        )
    })?;
    let inspection = match &e.inspection {
        None => None,
        Some(i) => Some(i.parse::<Inspection>().map_err(|_| {
            Error::input(
                "inspection",
                format!("{:?} must be primary or secondary", truncate(i)),
            )
        })?),
    };
    let occurred_at = DateTime::parse_from_rfc3339(&e.occurred_at).map_err(|_| {
        Error::input(
            "occurred_at",
            "must be an RFC 3339 date-time with an offset",
        )
    })?;
    let mut input = EventInput {
        trip_id: e.trip_id.clone(),
        kind,
        port: e.port.clone(),
        shipment: e.shipment.clone(),
        inspection,
        corrects: e.corrects.clone(),
        note: e.note.clone(),
        occurred_at: Some(occurred_at),
    };
    check_fields(&mut input)?;
    Ok(input)
}

/// At most [`crate::limits::MAX_ECHOED_CHARS`] characters of a refused value, for messages.
fn truncate(s: &str) -> String {
    s.chars().take(crate::limits::MAX_ECHOED_CHARS).collect()
}
