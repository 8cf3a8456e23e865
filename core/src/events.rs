//! Status events on the phone: what the outbox keeps of each ([`StatusEvent`]) and how to
//! ask for them ([`EventFilter`]). The rules an event must meet are `crossing-trip`'s
//! ([`check`]); the SQL that records and reads them is the store's (`store::outbox`).

use serde::Serialize;

pub use crossing_trip::event::{
    check, check_fields, check_wire, EventInput, EventKind, Inspection, NOTE_MAX,
};

use crate::error::{Error, Result};

/// Delivery state of an event in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting to be sent.
    Pending,
    /// The server acknowledged it.
    Sent,
    /// The server refused it for good; shown to the driver, never retried.
    Dead,
}

impl DeliveryState {
    pub(crate) fn from_db(s: &str) -> Result<Self> {
        match s {
            "pending" => Ok(DeliveryState::Pending),
            "sent" => Ok(DeliveryState::Sent),
            "dead" => Ok(DeliveryState::Dead),
            other => Err(Error::Corrupt(format!("event state {other:?}"))),
        }
    }
}

/// A recorded status event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    /// UUIDv7 generated on the device; the server de-duplicates on it.
    pub event_id: String,
    /// Per-device sequence number (1, 2, 3, …), for ordering and gap detection.
    pub device_seq: i64,
    /// The trip.
    pub trip_id: String,
    /// The trip version the driver was looking at.
    pub trip_version_seen: i64,
    /// What happened.
    pub kind: EventKind,
    /// Port code.
    pub port: Option<String>,
    /// Shipment control number.
    pub shipment: Option<String>,
    /// Inspection level.
    pub inspection: Option<Inspection>,
    /// Corrected event id.
    pub corrects: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// When it happened, RFC 3339 with the device's UTC offset.
    pub occurred_at: String,
    /// When it was written to the outbox, RFC 3339.
    pub recorded_at: String,
    /// Pending, sent or dead.
    pub state: DeliveryState,
    /// Delivery attempts so far.
    pub attempts: i64,
    /// Last delivery error (dead-lettered events say why).
    pub last_error: Option<String>,
}

/// Which events to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only this trip's events.
    pub trip_id: Option<String>,
    /// Only events not yet acknowledged by the server.
    pub pending_only: bool,
}
