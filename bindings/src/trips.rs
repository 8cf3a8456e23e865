//! Trips for the shells: the trips list and the manifest screen.

pub use crossing_core::amend::Amendment;
pub use crossing_core::status::Action as StatusAction;
pub use crossing_core::view::{Field, Section};
pub use crossing_core::TripState;

use crate::codes::CodeChoice;
use crate::events::EventKind;
use crate::{n, CoreError, CrossingCore};

/// Trip state.
#[uniffi::remote(Enum)]
pub enum TripState {
    /// Current.
    Active,
    /// Cancelled by the fleet.
    Cancelled,
    /// No longer assigned to this driver.
    Unassigned,
    /// Done, personal data purged.
    Finished,
}

/// A row of the trips list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TripRow {
    /// Fleet trip id.
    pub id: String,
    /// Version on the phone.
    pub version: i64,
    /// `ACI` or `ACE`.
    pub regime: String,
    /// CRN / ACE trip number.
    pub trip_number: String,
    /// First port of arrival.
    pub port_of_entry: String,
    /// ETA at the port, `YYYY-MM-DD HH:MM:SS`, in `eta_zone`.
    pub eta: String,
    /// IANA zone of the port.
    pub eta_zone: String,
    /// Active or a tombstone.
    pub state: TripState,
}

/// A label and value.
#[uniffi::remote(Record)]
pub struct Field {
    /// Label.
    pub label: String,
    /// Value.
    pub value: String,
}

/// A titled group of fields.
#[uniffi::remote(Record)]
pub struct Section {
    /// Title.
    pub title: String,
    /// Fields.
    pub fields: Vec<Field>,
}

/// What an amendment changed.
#[uniffi::remote(Record)]
pub struct Amendment {
    /// Version the driver acknowledged.
    pub from_version: u64,
    /// Current version.
    pub to_version: u64,
    /// Changed fields, as sentences.
    pub changes: Vec<String>,
    /// Shipments added.
    pub shipments_added: Vec<String>,
    /// Shipments removed.
    pub shipments_removed: Vec<String>,
    /// Shipments changed.
    pub shipments_changed: Vec<String>,
    /// A border code changed: printed sheets are void.
    pub codes_changed: bool,
}

/// The displayed status of a trip.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TripStatus {
    /// One line, e.g. "At the border (0453) · not yet sent".
    pub headline: String,
    /// The driver's step rests on events not yet sent.
    pub not_yet_sent: bool,
    /// Customs status label, marked as from customs.
    pub customs: Option<String>,
    /// The driver must acknowledge this version.
    pub needs_acknowledgement: bool,
    /// Events waiting to be sent for this trip.
    pub pending_events: u32,
    /// Events refused by the server.
    pub dead_events: u32,
}

/// A status button that makes sense now.
#[uniffi::remote(Record)]
pub struct StatusAction {
    /// The event it records.
    pub kind: EventKind,
    /// Label.
    pub label: String,
    /// The next expected step.
    pub recommended: bool,
    /// Needs a shipment from `shipments`.
    pub needs_shipment: bool,
    /// Needs primary/secondary.
    pub needs_inspection: bool,
    /// Needs a note.
    pub needs_note: bool,
    /// Shipments to choose from.
    pub shipments: Vec<String>,
}

/// The manifest screen, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Manifest {
    /// Trip id.
    pub trip_id: String,
    /// Version.
    pub version: i64,
    /// `ACI` or `ACE`.
    pub regime: String,
    /// Screen title.
    pub title: String,
    /// Active or tombstone.
    pub state: TripState,
    /// Status.
    pub status: TripStatus,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Validation warnings.
    pub warnings: Vec<String>,
    /// The amendment banner, until acknowledged.
    pub amendment: Option<Amendment>,
    /// Codes the driver can open; the first is the one to show at the border.
    pub codes: Vec<CodeChoice>,
    /// Status buttons allowed now.
    pub actions: Vec<StatusAction>,
}

#[uniffi::export]
impl CrossingCore {
    /// Every trip on the phone: active ones by ETA, then tombstones.
    pub fn trips(&self) -> Result<Vec<TripRow>, CoreError> {
        Ok(self
            .core
            .trips()?
            .into_iter()
            .map(|t| TripRow {
                id: t.id,
                version: t.version,
                regime: t.regime.as_str().to_string(),
                trip_number: t.trip_number,
                port_of_entry: t.port_of_entry,
                eta: crossing_core::view::eta_text(&t.eta_local),
                eta_zone: t.eta_zone,
                state: t.state,
            })
            .collect())
    }

    /// The current trip: the active trip with the earliest ETA.
    pub fn current_trip_id(&self) -> Result<Option<String>, CoreError> {
        match self.core.resolve_trip_id(None) {
            Ok(id) => Ok(Some(id)),
            Err(crossing_core::Error::NoActiveTrip) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The manifest screen of a trip.
    pub fn manifest(&self, trip_id: String) -> Result<Manifest, CoreError> {
        let crossing_core::ManifestScreen { view: v, actions } =
            self.core.manifest_screen(&trip_id)?;
        Ok(Manifest {
            trip_id: v.trip_id,
            version: v.version,
            regime: v.regime.as_str().to_string(),
            title: v.title,
            state: v.state,
            status: TripStatus {
                headline: v.status.headline,
                not_yet_sent: v.status.progress_not_yet_sent,
                customs: v.status.customs.map(|c| c.display()),
                needs_acknowledgement: v.status.needs_acknowledgement,
                pending_events: n(v.status.pending_events),
                dead_events: n(v.status.dead_events),
            },
            sections: v.sections,
            warnings: v.warnings,
            amendment: v.amendment,
            codes: v.codes,
            actions,
        })
    }
}
