//! Status events for the shells: what the driver records and what the outbox holds.

pub use crossing_core::Inspection as InspectionLevel;
pub use crossing_core::{DeliveryState, EventKind};

use crate::{CoreError, CrossingCore};

/// Event kinds.
#[uniffi::remote(Enum)]
pub enum EventKind {
    /// Manifest acknowledged (this version).
    TripAcknowledged,
    /// Left the origin.
    DepartedOrigin,
    /// At the border.
    ArrivedAtBorder,
    /// In inspection.
    InInspection,
    /// Released (driver's word).
    Released,
    /// At the consignee.
    ArrivedAtConsignee,
    /// A shipment delivered.
    Delivered,
    /// Something went wrong.
    Exception,
    /// Corrects an earlier event.
    Correction,
}

/// Inspection level.
#[uniffi::remote(Enum)]
pub enum InspectionLevel {
    /// Primary inspection line.
    Primary,
    /// Secondary inspection.
    Secondary,
}

/// What the driver records.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EventInput {
    /// Trip.
    pub trip_id: String,
    /// Kind.
    pub kind: EventKind,
    /// Port code (4 digits).
    pub port: Option<String>,
    /// Shipment control number.
    pub shipment: Option<String>,
    /// Inspection level.
    pub inspection: Option<InspectionLevel>,
    /// Corrected event id.
    pub corrects: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// Delivery state of an event.
#[uniffi::remote(Enum)]
pub enum DeliveryState {
    /// Not yet sent.
    Pending,
    /// On the server.
    Sent,
    /// Refused by the server for good.
    Dead,
}

/// A recorded event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusEvent {
    /// UUIDv7.
    pub event_id: String,
    /// Device sequence.
    pub device_seq: i64,
    /// Trip.
    pub trip_id: String,
    /// Version seen.
    pub trip_version_seen: i64,
    /// Kind.
    pub kind: EventKind,
    /// When (RFC 3339 with offset).
    pub occurred_at: String,
    /// Delivery state.
    pub state: DeliveryState,
    /// Why it was refused, for dead events.
    pub last_error: Option<String>,
}

impl From<crossing_core::StatusEvent> for StatusEvent {
    fn from(e: crossing_core::StatusEvent) -> Self {
        StatusEvent {
            event_id: e.event_id,
            device_seq: e.device_seq,
            trip_id: e.trip_id,
            trip_version_seen: e.trip_version_seen,
            kind: e.kind,
            occurred_at: e.occurred_at,
            state: e.state,
            last_error: e.last_error,
        }
    }
}

#[uniffi::export]
impl CrossingCore {
    /// Records a status event (durable when this returns) and asks for a sync.
    pub fn record_event(&self, input: EventInput) -> Result<StatusEvent, CoreError> {
        let mut core_input = crossing_core::EventInput::new(input.trip_id, input.kind);
        core_input.port = input.port;
        core_input.shipment = input.shipment;
        core_input.inspection = input.inspection;
        core_input.corrects = input.corrects;
        core_input.note = input.note;
        let event = self.core.record_event(core_input)?;
        if let Some(svc) = &self.service {
            svc.request_sync();
        }
        Ok(event.into())
    }

    /// Events in device order (`pending_only`: not yet sent).
    pub fn events(
        &self,
        trip_id: Option<String>,
        pending_only: bool,
    ) -> Result<Vec<StatusEvent>, CoreError> {
        Ok(self
            .core
            .events(&crossing_core::EventFilter {
                trip_id,
                pending_only,
            })?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}
