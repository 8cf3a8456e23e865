//! Recording status events: the action's form and the intent that records it.

pub use crossing_core::app::{
    ChoiceOption, FormInput, InputValue, RecordForm, RecordIntent, RecordOutcome,
};
pub use crossing_core::{DeliveryState, EventKind};

use crate::{CoreError, CrossingCore};

/// What an event tells the fleet.
#[uniffi::remote(Enum)]
pub enum EventKind {
    /// Manifest acknowledged (this version).
    TripAcknowledged,
    /// Left the origin.
    DepartedOrigin,
    /// At the border.
    ArrivedAtBorder,
    /// In primary or secondary inspection.
    InInspection,
    /// Let through (the driver's word, not customs').
    Released,
    /// At the consignee.
    ArrivedAtConsignee,
    /// One shipment delivered.
    Delivered,
    /// Something went wrong.
    Exception,
    /// Replaces an earlier event.
    Correction,
}

/// Whether an event reached the fleet server.
#[uniffi::remote(Enum)]
pub enum DeliveryState {
    /// Saved on the phone, not yet sent.
    Pending,
    /// On the fleet server.
    Sent,
    /// Refused by the fleet server for good.
    Dead,
}

/// One option of a choice input.
#[uniffi::remote(Record)]
pub struct ChoiceOption {
    /// The value sent back.
    pub id: String,
    /// What the driver reads.
    pub label: String,
}

/// An input of a form; render it generically and send its value back under `id`.
#[uniffi::remote(Enum)]
pub enum FormInput {
    /// Free text.
    Text {
        /// The id the value is sent back under.
        id: String,
        /// Field label.
        label: String,
        /// Placeholder or help line.
        hint: String,
        /// The form cannot be sent without it.
        required: bool,
        /// Longest accepted text, in characters.
        max_chars: u32,
        /// The value to start with.
        value: String,
    },
    /// One of a list.
    Choice {
        /// The id the value is sent back under.
        id: String,
        /// Field label.
        label: String,
        /// The options, in order.
        options: Vec<ChoiceOption>,
        /// The preselected option (sent when the driver changes nothing).
        selected: Option<String>,
        /// A choice is needed.
        required: bool,
        /// A value outside the list may be typed, with this hint.
        other_hint: Option<String>,
    },
}

/// The form of one status action.
#[uniffi::remote(Record)]
pub struct RecordForm {
    /// The trip.
    pub trip_id: String,
    /// The event it records.
    pub kind: EventKind,
    /// Form title.
    pub title: String,
    /// What the event tells the fleet.
    pub explanation: String,
    /// Inputs in order.
    pub inputs: Vec<FormInput>,
    /// The send button's label.
    pub submit_label: String,
}

/// A value the driver gave, under its input's id.
#[uniffi::remote(Record)]
pub struct InputValue {
    /// The input's id.
    pub id: String,
    /// The option id or the text.
    pub value: String,
}

/// "Record this action with these inputs".
#[uniffi::remote(Record)]
pub struct RecordIntent {
    /// The trip.
    pub trip_id: String,
    /// The event.
    pub kind: EventKind,
    /// The values given; a choice left out takes its preselected option.
    pub values: Vec<InputValue>,
}

/// What recording did.
#[uniffi::remote(Enum)]
pub enum RecordOutcome {
    /// Saved durably; sent when online.
    Recorded {
        /// The new event's id.
        event_id: String,
        /// The sentence to show.
        message: String,
    },
    /// Not recorded; nothing changed.
    Refused {
        /// The input to fix, if one is at fault.
        input: Option<String>,
        /// The sentence naming what to fix.
        message: String,
    },
}

#[uniffi::export]
impl CrossingCore {
    /// The form of a status action, with every input it needs and their defaults.
    pub fn record_form(&self, trip_id: String, kind: EventKind) -> Result<RecordForm, CoreError> {
        Ok(self.app.record_form(&trip_id, kind)?)
    }

    /// Records an action (durable when this returns `Recorded`) and asks for a sync. A refusal
    /// is an outcome, not an error; an error means storage failed.
    pub fn record(&self, intent: RecordIntent) -> Result<RecordOutcome, CoreError> {
        Ok(self.app.record(&intent)?)
    }
}
