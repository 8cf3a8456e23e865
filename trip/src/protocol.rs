//! The sync protocol's wire types, shared by the phone (sync engine) and the reference fleet
//! server, so both ends serialize exactly the same JSON. Documented in `fleet/openapi.json`.
//!
//! - `POST /v1/devices`: register this install's device id with the driver's token.
//! - `POST /v1/events`: upload a batch of status events; per-item results; de-duplicated by id.
//! - `GET /v1/changes?cursor=&limit=`: the driver's change feed (upserts and tombstones).
//! - `GET /v1/trips/{id}`: one trip, with `ETag` / `If-None-Match`.

use serde::{Deserialize, Serialize};

use crate::customs::CustomsState;
use crate::model::Trip;

/// Header carrying the client's version; the server answers 426 when it is too old.
pub const CLIENT_VERSION_HEADER: &str = "x-crossing-client";
/// Header listing the optional feed content a client reads (comma-separated). A client that
/// does not send it (every phone before `customs` existed) gets none of it: an older phone
/// refuses a page with a change kind it does not know, so the server never sends one.
pub const FEATURES_HEADER: &str = "x-crossing-features";
/// [`FEATURES_HEADER`] value: `customs` changes and the `customs` field of snapshot upserts.
pub const FEATURE_CUSTOMS: &str = "customs";
/// Most events in one upload.
pub const MAX_BATCH_EVENTS: usize = 500;
/// Most bytes in one upload body (the server refuses larger bodies with 413).
pub const MAX_BATCH_BYTES: usize = 256 * 1024;
/// Most changes the server returns in one page.
pub const MAX_PAGE_CHANGES: usize = 100;

/// `POST /v1/devices` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterDevice {
    /// The id the device made on first start (UUID).
    pub device_id: String,
    /// `android`, `ios`, `desktop`.
    pub platform: String,
    /// App version, e.g. `0.1.0`.
    pub app_version: String,
}

/// `POST /v1/devices` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRegistered {
    /// The registered id.
    pub device_id: String,
    /// The driver the device belongs to.
    pub driver: String,
}

/// One status event on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireEvent {
    /// UUIDv7 made on the device; the de-duplication key.
    pub event_id: String,
    /// Per-device sequence number.
    pub device_seq: i64,
    /// The trip.
    pub trip_id: String,
    /// The trip version the driver saw.
    pub trip_version_seen: i64,
    /// Event kind (`arrived_at_border`, …).
    pub kind: String,
    /// Port code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// Shipment control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment: Option<String>,
    /// `primary` or `secondary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<String>,
    /// Id of the corrected event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it happened (device clock, RFC 3339 with offset).
    pub occurred_at: String,
}

/// `POST /v1/events` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsUpload {
    /// The registered device.
    pub device_id: String,
    /// Device clock when the batch was sent (RFC 3339), for the skew estimate.
    pub sent_at: String,
    /// At most [`MAX_BATCH_EVENTS`] events.
    pub events: Vec<WireEvent>,
}

/// What the server did with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultStatus {
    /// Stored now.
    Accepted,
    /// Already stored (a replay): harmless.
    Duplicate,
    /// Refused; see `code` and `retryable`.
    Rejected,
}

/// Per-event answer of `POST /v1/events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventResult {
    /// The event.
    pub event_id: String,
    /// Accepted, duplicate or rejected.
    pub status: ResultStatus,
    /// Why it was rejected (`UNKNOWN_TRIP`, `INVALID_EVENT`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Whether sending it again may succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// For people: which field and rule a rejected event broke (`note: must not contain …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Server flags on accepted events (`stale_trip_version`, `trip_cancelled`, `sequence_gap`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

/// `POST /v1/events` answer: one result per event, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventsResponse {
    /// Server clock (RFC 3339, UTC).
    pub server_time: String,
    /// One per uploaded event.
    pub results: Vec<EventResult>,
}

/// Change kind in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    /// The trip at this version (new, or amended).
    Upsert,
    /// The trip is gone for this driver; see `reason`.
    Tombstone,
    /// Where customs stands for the trip changed (`customs`); the trip itself did not. Sent
    /// only to clients that list [`FEATURE_CUSTOMS`].
    Customs,
    /// A kind this version does not know: skipped (the cursor still moves past it).
    #[serde(other)]
    Unknown,
}

/// Why a trip left the driver's feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TombstoneReason {
    /// The fleet cancelled the trip.
    Cancelled,
    /// The trip was taken off this driver.
    Unassigned,
}

/// One entry of the change feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Upsert or tombstone.
    pub op: ChangeOp,
    /// Trip id.
    pub id: String,
    /// Trip version.
    pub version: i64,
    /// For tombstones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TombstoneReason>,
    /// For upserts: the whole trip document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip: Option<Box<Trip>>,
    /// For `customs` changes, and for snapshot upserts of a trip customs spoke about: the
    /// trip's whole customs standing (it replaces the one the phone holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customs: Option<CustomsState>,
}

/// `GET /v1/changes` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesPage {
    /// Changes in feed order.
    pub changes: Vec<Change>,
    /// Opaque cursor to send next time.
    pub next_cursor: String,
    /// More changes wait after this page.
    pub has_more: bool,
    /// Server clock.
    pub server_time: String,
    /// True when this page is part of a full snapshot (no cursor, or after 410): trips the
    /// client holds that do not appear before `has_more = false` are no longer assigned.
    #[serde(default)]
    pub snapshot: bool,
}

/// Every error answer of the server: a machine code, the field, and the rule in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// Machine-readable code (`unauthorized`, `forbidden`, `invalid`, `cursor_expired`, …).
    pub error: String,
    /// The field at fault, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What was wrong, in words.
    pub reason: String,
}
