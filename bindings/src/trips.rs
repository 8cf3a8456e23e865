//! Trips for the shells: the trip list and the trip screen.

pub use crossing_core::amend::Amendment;
pub use crossing_core::app::{ActionButton, Banner, EventRow, TripListScreen, TripRow, TripScreen};
pub use crossing_core::view::{Field, Section};
pub use crossing_core::TripState;

use crate::codes::CodeButton;
use crate::events::{DeliveryState, EventKind};
use crate::paper::PaperButton;
use crate::sync::SyncView;
use crate::{CoreError, CrossingCore, Tone};

/// Whether a trip is live or what ended it.
#[uniffi::remote(Enum)]
pub enum TripState {
    /// On the road.
    Active,
    /// Cancelled by the fleet.
    Cancelled,
    /// No longer assigned to this driver.
    Unassigned,
    /// Done, personal data purged.
    Finished,
}

/// A labelled value of the manifest; `id` is stable within the screen (use it as list id).
#[uniffi::remote(Record)]
pub struct Field {
    /// List identity (`s3.f2`); labels repeat.
    pub id: String,
    /// What it is.
    pub label: String,
    /// The value, formatted.
    pub value: String,
}

/// A titled group of fields; `id` is stable within the screen (titles repeat).
#[uniffi::remote(Record)]
pub struct Section {
    /// List identity (`s3`).
    pub id: String,
    /// Section title.
    pub title: String,
    /// Fields in order.
    pub fields: Vec<Field>,
}

/// What the fleet changed since the version the driver acknowledged (the banner).
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
    /// The printed sheets the change makes void, by title.
    pub sheets_void: Vec<String>,
}

/// One row of the trip list.
#[uniffi::remote(Record)]
pub struct TripRow {
    /// Stable id: opens the trip screen.
    pub id: String,
    /// Regime and trip number.
    pub title: String,
    /// Port and ETA in the port's zone.
    pub detail: String,
    /// The status headline.
    pub status: String,
    /// How the row stands out.
    pub tone: Tone,
    /// The trip to drive now.
    pub current: bool,
    /// Active or a tombstone.
    pub state: TripState,
}

/// The trip list with the sync badge.
#[uniffi::remote(Record)]
pub struct TripListScreen {
    /// Screen title.
    pub title: String,
    /// Active trips by ETA, then tombstones.
    pub rows: Vec<TripRow>,
    /// Shown instead of rows when there are none.
    pub empty_text: Option<String>,
    /// The sync badge.
    pub sync: SyncView,
}

/// A status button.
#[uniffi::remote(Record)]
pub struct ActionButton {
    /// Stable id.
    pub id: String,
    /// The event it records.
    pub kind: EventKind,
    /// Button label.
    pub label: String,
    /// The next expected step: first and prominent.
    pub recommended: bool,
    /// Tapping opens [`CrossingCore::record_form`]; otherwise record at once.
    pub opens_form: bool,
}

/// One recorded event in the trip's history.
#[uniffi::remote(Record)]
pub struct EventRow {
    /// The event id.
    pub id: String,
    /// What was recorded.
    pub text: String,
    /// When, in the phone's zone.
    pub time: String,
    /// Sent, not yet sent, refused.
    pub state_text: String,
    /// Delivery state.
    pub state: DeliveryState,
    /// A later correction replaced it.
    pub corrected: bool,
}

/// The amendment banner, in words.
#[uniffi::remote(Record)]
pub struct Banner {
    /// Title with the versions.
    pub title: String,
    /// One change a line.
    pub lines: Vec<String>,
    /// Printed papers for this trip are void.
    pub papers_void: bool,
    /// The button that acknowledges the new version.
    pub acknowledge: Option<ActionButton>,
}

/// The trip screen.
#[uniffi::remote(Record)]
pub struct TripScreen {
    /// Fleet trip id.
    pub trip_id: String,
    /// Version on the phone.
    pub version: i64,
    /// Screen title.
    pub title: String,
    /// Active or a tombstone.
    pub state: TripState,
    /// The status headline.
    pub headline: String,
    /// How the status card stands out.
    pub tone: Tone,
    /// Customs' word, marked as such.
    pub customs: Option<String>,
    /// ETA in the port's zone.
    pub eta: String,
    /// Why there is nothing more to show (cancelled, unassigned).
    pub notice: Option<String>,
    /// What the fleet changed, until acknowledged.
    pub amendment: Option<Amendment>,
    /// The same, in words for the banner.
    pub banner: Option<Banner>,
    /// The manifest.
    pub sections: Vec<Section>,
    /// Validation warnings.
    pub warnings: Vec<String>,
    /// Border codes; the first is the one to show at the border.
    pub codes: Vec<CodeButton>,
    /// The paper this trip can print.
    pub papers: Vec<PaperButton>,
    /// Status buttons, the recommended one first.
    pub actions: Vec<ActionButton>,
    /// The trip's events, newest first.
    pub history: Vec<EventRow>,
}

#[uniffi::export]
impl CrossingCore {
    /// The trip list.
    pub fn trip_list(&self) -> Result<TripListScreen, CoreError> {
        Ok(self.app.trip_list()?)
    }

    /// The trip screen. A trip no longer on the phone is `NotFound`: go back to the list.
    pub fn trip_screen(&self, trip_id: String) -> Result<TripScreen, CoreError> {
        Ok(self.app.trip_screen(&trip_id)?)
    }
}
