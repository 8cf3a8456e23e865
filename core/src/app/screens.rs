//! The view models: what each screen draws, already decided. A shell renders these fields
//! and sends back intents; it adds no rule of its own.

use serde::Serialize;

use crate::amend::Amendment;
use crate::codes::{BorderCode, CodeKind};
use crate::events::{DeliveryState, EventKind};
use crate::planner::SyncState;
use crate::store::trips::TripState;
use crate::view::Section;

/// How a line should stand out. Shells show it as text and shape (an icon), never by colour
/// alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Nothing to act on.
    Neutral,
    /// Done or cleared.
    Good,
    /// Worth a look (not yet sent, an exception, a refused event).
    Attention,
    /// Act now (customs held or rejected, sign in, update).
    Problem,
}

/// What the driver must do before sync can go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Sign in again (the token was refused).
    SignIn,
    /// Install a newer app (the server said so).
    UpdateApp,
}

/// The sync badge and the sync status screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncView {
    /// The machine state (for icons); its words are `headline`.
    pub phase: SyncState,
    /// One line: "Up to date", "Offline · retrying at 14:37", "Sign in again".
    pub headline: String,
    /// The second line: "Last sync 2 min ago · 3 events waiting to be sent".
    pub detail: String,
    /// How the badge stands out.
    pub tone: Tone,
    /// Events waiting to be sent.
    pub pending: u32,
    /// Events the fleet server refused for good.
    pub dead: u32,
    /// Whether "sync now" is offered (a server is configured and no run is in flight).
    pub can_sync_now: bool,
    /// What the driver must do first, if anything.
    pub needs: Option<Need>,
}

/// What a background task (WorkManager, BGTask) or a "sync now" button should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncAdvice {
    /// It worked.
    Done,
    /// Try again later (no network, server busy, token store locked): a retry can fix it.
    RetryLater,
    /// A retry cannot fix it until the driver acts (sign in, update the app): do not retry.
    NeedsDriver,
    /// The phone's storage failed: do not retry; the app shows why.
    Failed,
}

/// The result of a sync a shell asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncOutcome {
    /// What to do next.
    pub advice: SyncAdvice,
    /// One sentence for the driver ("Synced: 2 events sent, 1 trip updated").
    pub message: String,
    /// The badge after the run.
    pub view: SyncView,
}

/// One row of the trip list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripRow {
    /// Stable id (the fleet's trip id): opens the trip screen.
    pub id: String,
    /// "ACI 1234TRIP0001".
    pub title: String,
    /// "To 0453 · ETA Wed 2 Dec 12:00 EST".
    pub detail: String,
    /// The status headline.
    pub status: String,
    /// How the row stands out.
    pub tone: Tone,
    /// The trip to drive now (the active trip with the earliest ETA).
    pub current: bool,
    /// Active, or a tombstone.
    pub state: TripState,
}

/// The trip list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionButton {
    /// Stable id (the event kind's name).
    pub id: String,
    /// The event it records.
    pub kind: EventKind,
    /// Button label.
    pub label: String,
    /// The next expected step: show it first and prominently.
    pub recommended: bool,
    /// Tapping opens its form ([`RecordForm`]); otherwise it records at once.
    pub opens_form: bool,
}

/// A border code the driver can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeButton {
    /// Stable id, passed back to open it (`trip_qr`, `ccn_barcode:1234…`).
    pub id: String,
    /// Which code.
    pub kind: CodeKind,
    /// For per-shipment codes, the control number.
    pub shipment: Option<String>,
    /// Button label ("CRN (Code 128)", "PARS 1234…").
    pub label: String,
}

/// One recorded event in the trip's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    /// The event id (stable; a correction's target).
    pub id: String,
    /// "Arrived at border · 0453".
    pub text: String,
    /// When, in the phone's zone ("14:05").
    pub time: String,
    /// "Not yet sent", "Sent", "Refused by the fleet server: …".
    pub state_text: String,
    /// Delivery state.
    pub state: DeliveryState,
    /// A later correction replaced it.
    pub corrected: bool,
}

/// The amendment banner, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Banner {
    /// "Your fleet changed this trip (version 1 → 2)".
    pub title: String,
    /// One change a line, then the shipments added, removed and changed, then (if so) that printed
    /// papers are void.
    pub lines: Vec<String>,
    /// Whether a border code changed: printed papers for this trip must be made again.
    pub papers_void: bool,
    /// The button that acknowledges the new version (it records that action).
    pub acknowledge: Option<ActionButton>,
}

/// The words the shells show of their own (buttons they add, platform failures), so no English
/// literal is left in Kotlin or Swift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShellTexts {
    /// Try a failed load again.
    pub retry: String,
    /// Back to the trip list.
    pub back: String,
    /// Close a dialog or a form.
    pub close: String,
    /// The sync button.
    pub sync_now: String,
    /// While the core opens.
    pub opening: String,
    /// The phone's secure storage could not keep the token.
    pub token_store_locked: String,
    /// The marker of the current trip.
    pub current_trip: String,
    /// The border codes button.
    pub show_codes: String,
    /// Share a printed sheet's PDF (the platform's share sheet).
    pub share: String,
    /// Words for each [`Tone`] (accessibility: the icon's description).
    pub tone_neutral: String,
    /// See `tone_neutral`.
    pub tone_good: String,
    /// See `tone_neutral`.
    pub tone_attention: String,
    /// See `tone_neutral`.
    pub tone_problem: String,
}

/// A printable sheet of the trip (ACI lead sheet, ACE cover sheet, ACE QR placard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperButton {
    /// Stable id, passed back to get the file (`aci-lead`).
    pub id: String,
    /// Button label ("Print the ACI lead sheet").
    pub label: String,
}

/// A sheet to share or print: the PDF bytes and what the share sheet needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperFile {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// A file name ("ACI lead sheet 1234TR261126001 v2.pdf").
    pub file_name: String,
    /// `application/pdf`.
    pub mime_type: String,
    /// What the print dialog is titled.
    pub title: String,
    /// Said before sharing, if anything could not be printed as written.
    pub notice: Option<String>,
}

/// The trip screen: status, amendment banner, manifest, codes, status buttons, history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripScreen {
    /// Fleet trip id.
    pub trip_id: String,
    /// Version on the phone.
    pub version: i64,
    /// "ACI trip 1234TRIP0001 → 0453".
    pub title: String,
    /// Active, or a tombstone.
    pub state: TripState,
    /// The status headline.
    pub headline: String,
    /// How the status card stands out.
    pub tone: Tone,
    /// Customs' word, marked as such ("Released (customs)").
    pub customs: Option<String>,
    /// "ETA Wed 2 Dec 12:00 EST".
    pub eta: String,
    /// Why there is nothing more to show (a cancelled or unassigned trip).
    pub notice: Option<String>,
    /// What the fleet changed since the version the driver acknowledged.
    pub amendment: Option<Amendment>,
    /// The same, as the banner shows it.
    pub banner: Option<Banner>,
    /// The manifest, section by section (ids stable within the screen).
    pub sections: Vec<Section>,
    /// Validation warnings, as sentences.
    pub warnings: Vec<String>,
    /// Border codes; the first is the one to show at the border.
    pub codes: Vec<CodeButton>,
    /// The paper this trip can print (none for a cancelled trip).
    pub papers: Vec<PaperButton>,
    /// Status buttons that make sense now, the recommended one first.
    pub actions: Vec<ActionButton>,
    /// This trip's events, newest first.
    pub history: Vec<EventRow>,
}

/// One option of a choice input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceOption {
    /// The value sent back.
    pub id: String,
    /// What the driver reads.
    pub label: String,
}

/// An input of a form, rendered generically by the shells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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
        /// The preselected option, sent when the driver changes nothing.
        selected: Option<String>,
        /// The form cannot be sent without a choice.
        required: bool,
        /// A value outside the list may be typed (with this hint), e.g. another port.
        other_hint: Option<String>,
    },
}

/// The form of one status action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordForm {
    /// The trip.
    pub trip_id: String,
    /// The event it records.
    pub kind: EventKind,
    /// Form title ("Delivered").
    pub title: String,
    /// One line on what the event tells the fleet.
    pub explanation: String,
    /// Inputs in order.
    pub inputs: Vec<FormInput>,
    /// The send button's label.
    pub submit_label: String,
}

/// A value the driver gave, under its input's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputValue {
    /// The input's id.
    pub id: String,
    /// The value (a choice's option id, or the text).
    pub value: String,
}

/// "Record this action with these inputs".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordIntent {
    /// The trip.
    pub trip_id: String,
    /// The event.
    pub kind: EventKind,
    /// The inputs the driver filled in; an input left out takes its preselected value.
    pub values: Vec<InputValue>,
}

/// What recording did, for the screen to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RecordOutcome {
    /// Saved on the phone (durably); sent when online.
    Recorded {
        /// The new event's id.
        event_id: String,
        /// "Arrived at border saved · it will be sent when the phone is online".
        message: String,
    },
    /// Not recorded: nothing changed. The sentence names what to fix.
    Refused {
        /// The input to fix (its id), if one is at fault.
        input: Option<String>,
        /// "Note is required for exception events: say what happened".
        message: String,
    },
}

/// The border screen: one code, white to the edges, screen kept on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BorderScreen {
    /// The trip.
    pub trip_id: String,
    /// The code's title, or the trip's when there is none.
    pub title: String,
    /// The codes to switch between.
    pub codes: Vec<CodeButton>,
    /// The code shown (its id).
    pub selected: Option<String>,
    /// The code to draw, with whole-module geometry.
    pub code: Option<BorderCode>,
    /// Why there is no code (a cancelled or unassigned trip, a code that cannot be drawn).
    pub notice: Option<String>,
    /// Keep the screen on and bright while shown.
    pub keep_screen_on: bool,
}

/// Where the app starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartStep {
    /// No token: ask for the one the fleet gave the driver.
    SignIn,
    /// Signed in, no sync has worked yet: getting the trips.
    FirstSync,
    /// Show the trip list.
    Ready,
}

/// The first-run and sign-in screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StartScreen {
    /// Which step.
    pub step: StartStep,
    /// Screen title.
    pub title: String,
    /// What to do.
    pub message: String,
    /// The token field (sign-in only).
    pub input: Option<FormInput>,
    /// The button's label (sign-in only).
    pub submit_label: Option<String>,
    /// The sync badge (first sync).
    pub sync: SyncView,
}

/// What the sign-in form's token check said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SignInOutcome {
    /// Store this token (trimmed) in the Keystore/Keychain, then call `signed_in`.
    Accepted {
        /// The token to keep.
        token: String,
    },
    /// Not a token: say why (the token itself is never repeated).
    Refused {
        /// The sentence.
        message: String,
    },
}

/// A full-screen or dialog notice: a damaged store repaired, a store that cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Title.
    pub title: String,
    /// What happened and what it means, one sentence a line.
    pub lines: Vec<String>,
    /// How it stands out.
    pub tone: Tone,
    /// The button that closes it (`None`: nothing to close; the app cannot go on).
    pub dismiss_label: Option<String>,
    /// What the driver can do about it, if anything ("Update the app").
    pub needs: Option<Need>,
}

/// Why the core could not be opened, for [`crate::app::startup_notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartupFailure {
    /// A newer app wrote the stores (a downgrade).
    TooNew,
    /// SQLite or the file system failed.
    Storage,
    /// Anything else (a bad configuration).
    Other,
}
