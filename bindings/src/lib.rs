//! # crossing-ffi
//!
//! The uniffi facade of the Crossing core: the app's only native library (cdylib for Android,
//! staticlib for iOS). Conversion and delegation only; every decision lives in `crossing-core`.
//!
//! - One long-lived object, [`CrossingCore`], made with a [`CoreConfig`] and a [`TokenProvider`]
//!   the shell implements (the token lives in Keystore/Keychain, never in Rust storage).
//! - Records and enums for data; one error type, [`CoreError`], mapped in one place.
//! - Async only where there is I/O ([`CrossingCore::sync`]); it runs on a tokio runtime this
//!   crate owns, so no call depends on the caller's executor.

use std::sync::{Arc, Mutex, OnceLock};

use crossing_core::planner::SyncState;
use crossing_core::sync::{SyncConfig, SyncError, SyncService, Syncer};
use crossing_core::transport::HttpTransport;
use crossing_core::{codes, Crossing};

uniffi::setup_scaffolding!();

/// The library's one tokio runtime: a current-thread runtime driven by a background thread
/// named `crossing`. Sync is I/O-bound and one at a time; the multi-thread scheduler cost 47 KB
/// of the library for nothing (docs/benchmarks.md). Tasks are spawned through this handle.
fn runtime() -> &'static tokio::runtime::Handle {
    static RUNTIME: OnceLock<tokio::runtime::Handle> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("the tokio runtime can be built (a timer is available)");
        let handle = rt.handle().clone();
        std::thread::Builder::new()
            .name("crossing".into())
            .spawn(move || rt.block_on(std::future::pending::<()>()))
            .expect("the runtime thread can be started");
        handle
    })
}

/// Every error the core reports to the shells. `reason` is a sentence naming the field and rule;
/// it never contains personal data or the token.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
pub enum CoreError {
    /// A call's input broke a rule (event fields, code kind, URL).
    InvalidInput {
        /// What was wrong.
        reason: String,
    },
    /// A trip document was refused (format, limits, validation, forbidden fields).
    InvalidTrip {
        /// What was wrong.
        reason: String,
    },
    /// No such trip (or no active trip).
    NotFound {
        /// What was missing.
        reason: String,
    },
    /// The local database failed or is from a newer app.
    Storage {
        /// What failed.
        reason: String,
    },
    /// Sync could not reach the server or it failed; retried automatically.
    Network {
        /// What happened.
        reason: String,
    },
    /// The driver must sign in again; nothing is lost.
    SignInRequired {
        /// Why.
        reason: String,
    },
    /// The app must be updated; nothing is lost.
    UpdateRequired {
        /// Why.
        reason: String,
    },
    /// Sync is not configured (no server URL).
    NotConfigured {
        /// Why.
        reason: String,
    },
    /// A shell callback failed, or an unexpected internal error.
    Internal {
        /// What happened.
        reason: String,
    },
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, reason) = match self {
            CoreError::InvalidInput { reason } => ("invalid input", reason),
            CoreError::InvalidTrip { reason } => ("trip refused", reason),
            CoreError::NotFound { reason } => ("not found", reason),
            CoreError::Storage { reason } => ("storage", reason),
            CoreError::Network { reason } => ("network", reason),
            CoreError::SignInRequired { reason } => ("sign-in required", reason),
            CoreError::UpdateRequired { reason } => ("update required", reason),
            CoreError::NotConfigured { reason } => ("not configured", reason),
            CoreError::Internal { reason } => ("internal", reason),
        };
        write!(f, "{kind}: {reason}")
    }
}

impl std::error::Error for CoreError {}

impl From<crossing_core::Error> for CoreError {
    fn from(e: crossing_core::Error) -> Self {
        use crossing_core::error::DocumentError as D;
        use crossing_core::Error as E;
        let reason = e.to_string();
        // Exhaustive on both enums: a new variant does not compile until it is mapped here.
        match e {
            E::Document(
                D::DocumentTooLarge { .. }
                | D::DocumentOverLimit { .. }
                | D::Malformed { .. }
                | D::UnsupportedFormat { .. }
                | D::ForbiddenField { .. }
                | D::Invalid(_),
            ) => CoreError::InvalidTrip { reason },
            E::Document(D::InvalidInput { .. }) | E::Barcode { .. } => {
                CoreError::InvalidInput { reason }
            }
            E::UnknownTrip(_) | E::NoActiveTrip => CoreError::NotFound { reason },
            E::DatabaseTooNew { .. } | E::Storage(_) | E::Io { .. } | E::Corrupt(_) => {
                CoreError::Storage { reason }
            }
        }
    }
}

impl From<SyncError> for CoreError {
    fn from(e: SyncError) -> Self {
        let reason = e.to_string();
        match e {
            SyncError::SignInRequired => CoreError::SignInRequired { reason },
            SyncError::UpdateRequired => CoreError::UpdateRequired { reason },
            SyncError::Local(_) => CoreError::Storage { reason },
            SyncError::Retry { .. } | SyncError::Stop { .. } => CoreError::Network { reason },
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for CoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        CoreError::Internal {
            reason: format!("shell callback failed: {}", e.reason),
        }
    }
}

/// Supplies the driver's bearer token from Keystore/Keychain.
#[uniffi::export(with_foreign)]
pub trait TokenProvider: Send + Sync {
    /// The current token, or a fresh one when `force_refresh` (after a 401). `None`: signed out.
    fn token(&self, force_refresh: bool) -> Result<Option<String>, CoreError>;
}

struct ShellTokens(Arc<dyn TokenProvider>);

impl crossing_core::sync::TokenProvider for ShellTokens {
    fn token(&self, force_refresh: bool) -> Option<String> {
        self.0.token(force_refresh).ok().flatten()
    }
}

/// Receives sync state changes. Must return quickly and not throw.
#[uniffi::export(with_foreign)]
pub trait SyncObserver: Send + Sync {
    /// The sync status changed (also called once with the current status).
    fn on_sync_status(&self, status: SyncStatus);
}

/// How the core is set up.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CoreConfig {
    /// Directory for `cache.db` and `outbox.db` (app-private, excluded from backups).
    pub data_dir: String,
    /// Fleet server URL (`https://…`; `http://` only to loopback). `None`: no sync.
    pub server_url: Option<String>,
    /// `android`, `ios`, `jvm-test`.
    pub platform: String,
    /// The app's version (sent to the server, which may answer "update required").
    pub app_version: String,
}

/// Trip state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

impl From<crossing_core::TripState> for TripState {
    fn from(s: crossing_core::TripState) -> Self {
        match s {
            crossing_core::TripState::Active => TripState::Active,
            crossing_core::TripState::Cancelled => TripState::Cancelled,
            crossing_core::TripState::Unassigned => TripState::Unassigned,
            crossing_core::TripState::Finished => TripState::Finished,
        }
    }
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Field {
    /// Label.
    pub label: String,
    /// Value.
    pub value: String,
}

/// A titled group of fields.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Section {
    /// Title.
    pub title: String,
    /// Fields.
    pub fields: Vec<Field>,
}

/// What an amendment changed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

/// Border code kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum BorderCodeKind {
    /// QR of the trip number.
    Qr,
    /// Code 128 of the ACI CRN (CBSA lead sheet).
    Crn128,
    /// Code 128 of a CCN (PARS).
    Ccn128,
    /// Code 39 of the ACE trip number, or of an SCN with a shipment.
    Ace39,
    /// CBP's ACE manifest QR.
    AceQr,
}

impl From<BorderCodeKind> for crossing_core::CodeKind {
    fn from(k: BorderCodeKind) -> Self {
        match k {
            BorderCodeKind::Qr => crossing_core::CodeKind::Qr,
            BorderCodeKind::Crn128 => crossing_core::CodeKind::Crn128,
            BorderCodeKind::Ccn128 => crossing_core::CodeKind::Ccn128,
            BorderCodeKind::Ace39 => crossing_core::CodeKind::Ace39,
            BorderCodeKind::AceQr => crossing_core::CodeKind::AceQr,
        }
    }
}

impl From<crossing_core::CodeKind> for BorderCodeKind {
    fn from(k: crossing_core::CodeKind) -> Self {
        match k {
            crossing_core::CodeKind::Qr => BorderCodeKind::Qr,
            crossing_core::CodeKind::Crn128 => BorderCodeKind::Crn128,
            crossing_core::CodeKind::Ccn128 => BorderCodeKind::Ccn128,
            crossing_core::CodeKind::Ace39 => BorderCodeKind::Ace39,
            crossing_core::CodeKind::AceQr => BorderCodeKind::AceQr,
        }
    }
}

/// A code the driver can open.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CodeChoice {
    /// Kind.
    pub kind: BorderCodeKind,
    /// Shipment, for per-shipment codes.
    pub shipment: Option<String>,
}

/// A border code as modules to draw (1 = dark), quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BorderCode {
    /// Kind.
    pub kind: BorderCodeKind,
    /// `qr`, `code128`, `code39`.
    pub symbology: String,
    /// Exactly what the code encodes.
    pub payload: String,
    /// Text to show under the code, large.
    pub human_readable: String,
    /// Screen title.
    pub title: String,
    /// Modules per row.
    pub width: u32,
    /// Rows (1 for linear codes: draw full-height bars).
    pub height: u32,
    /// Quiet-zone modules on each side, included in `width`.
    pub quiet_zone: u32,
    /// `width * height` bytes, row-major.
    pub modules: Vec<u8>,
    /// The trip version it was drawn from.
    pub trip_version: u64,
    /// What is not confirmed about this code.
    pub caveats: Vec<String>,
}

/// Event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

impl From<EventKind> for crossing_core::EventKind {
    fn from(k: EventKind) -> Self {
        use crossing_core::EventKind as K;
        match k {
            EventKind::TripAcknowledged => K::TripAcknowledged,
            EventKind::DepartedOrigin => K::DepartedOrigin,
            EventKind::ArrivedAtBorder => K::ArrivedAtBorder,
            EventKind::InInspection => K::InInspection,
            EventKind::Released => K::Released,
            EventKind::ArrivedAtConsignee => K::ArrivedAtConsignee,
            EventKind::Delivered => K::Delivered,
            EventKind::Exception => K::Exception,
            EventKind::Correction => K::Correction,
        }
    }
}

impl From<crossing_core::EventKind> for EventKind {
    fn from(k: crossing_core::EventKind) -> Self {
        use crossing_core::EventKind as K;
        match k {
            K::TripAcknowledged => EventKind::TripAcknowledged,
            K::DepartedOrigin => EventKind::DepartedOrigin,
            K::ArrivedAtBorder => EventKind::ArrivedAtBorder,
            K::InInspection => EventKind::InInspection,
            K::Released => EventKind::Released,
            K::ArrivedAtConsignee => EventKind::ArrivedAtConsignee,
            K::Delivered => EventKind::Delivered,
            K::Exception => EventKind::Exception,
            K::Correction => EventKind::Correction,
        }
    }
}

/// Inspection level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum InspectionLevel {
    /// Primary inspection line.
    Primary,
    /// Secondary inspection.
    Secondary,
}

/// A status button that makes sense now.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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
            kind: e.kind.into(),
            occurred_at: e.occurred_at,
            state: match e.state {
                crossing_core::DeliveryState::Pending => DeliveryState::Pending,
                crossing_core::DeliveryState::Sent => DeliveryState::Sent,
                crossing_core::DeliveryState::Dead => DeliveryState::Dead,
            },
            last_error: e.last_error,
        }
    }
}

/// Sync state for the shells.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncPhase {
    /// Up to date.
    Idle,
    /// Running.
    Syncing,
    /// No network; retries by itself.
    Offline {
        /// Next try (RFC 3339).
        retry_at: String,
    },
    /// Waiting (server asked, or failed).
    BackingOff {
        /// Next try (RFC 3339).
        until: String,
        /// Why.
        reason: String,
    },
    /// Sign in again; events kept.
    SignInRequired,
    /// Update the app; events kept.
    UpdateRequired,
}

impl From<SyncState> for SyncPhase {
    fn from(s: SyncState) -> Self {
        match s {
            SyncState::Idle => SyncPhase::Idle,
            SyncState::Syncing => SyncPhase::Syncing,
            SyncState::Offline { retry_at } => SyncPhase::Offline { retry_at },
            SyncState::BackingOff { until, reason } => SyncPhase::BackingOff { until, reason },
            SyncState::SignInRequired => SyncPhase::SignInRequired,
            SyncState::UpdateRequired => SyncPhase::UpdateRequired,
        }
    }
}

/// Sync state plus counts (the badge).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncStatus {
    /// State.
    pub phase: SyncPhase,
    /// One line for the driver.
    pub label: String,
    /// Events waiting to be sent.
    pub pending: u32,
    /// Events refused by the server.
    pub dead: u32,
    /// Last successful sync.
    pub last_success: Option<String>,
}

/// What one sync did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncReport {
    /// Events stored by the server.
    pub uploaded: u32,
    /// Events the server already had.
    pub duplicates: u32,
    /// Events dead-lettered.
    pub dead_lettered: u32,
    /// Trips stored or amended.
    pub trips_updated: u32,
    /// Trips removed.
    pub trips_removed: u32,
    /// HTTP requests.
    pub requests: u32,
}

fn n(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// A background task (e.g. a sync observer). Dropping it, or `cancel`, stops the task.
#[derive(Debug, uniffi::Object)]
pub struct TaskHandle {
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

#[uniffi::export]
impl TaskHandle {
    /// Stops the task.
    pub fn cancel(&self) {
        if let Some(t) = self
            .task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
        {
            t.abort();
        }
    }

    /// Whether the task has ended.
    pub fn is_finished(&self) -> bool {
        self.task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
            .is_none_or(tokio::task::JoinHandle::is_finished)
    }
}

impl Drop for TaskHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The Crossing core for a shell. Create one per process and keep it for the app's lifetime.
#[derive(uniffi::Object)]
pub struct CrossingCore {
    core: Arc<Crossing>,
    service: Option<Arc<SyncService>>,
    loop_task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl CrossingCore {
    fn status(&self) -> Result<SyncStatus, CoreError> {
        let s = self.core.sync_status()?;
        // The live state of the running service wins over the saved one.
        let phase = match &self.service {
            Some(svc) => svc.subscribe().borrow().clone(),
            None => s.state.clone(),
        };
        Ok(SyncStatus {
            label: phase.label(),
            phase: phase.into(),
            pending: n(s.pending),
            dead: n(s.dead),
            last_success: s.last_success,
        })
    }

    fn service(&self) -> Result<&Arc<SyncService>, CoreError> {
        self.service
            .as_ref()
            .ok_or_else(|| CoreError::NotConfigured {
                reason: "no server URL was configured".into(),
            })
    }
}

/// What opening the stores had to repair (all empty on a healthy open). Show it once.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecoveryReport {
    /// The trip cache was damaged and recreated empty; the next sync pulls the trips again.
    pub cache_rebuilt: bool,
    /// Where a damaged event store was moved (kept, never deleted).
    pub outbox_moved_to: Option<String>,
    /// Events copied from the damaged store.
    pub events_salvaged: u64,
    /// Events of the damaged store known to be lost.
    pub events_unreadable: u64,
    /// The event store was found empty (0 bytes): its events, if any, are gone.
    pub outbox_found_empty: bool,
}

#[uniffi::export]
impl CrossingCore {
    /// What opening the stores had to repair (a rebuilt cache, a salvaged event store).
    pub fn recovery(&self) -> RecoveryReport {
        let r = self.core.recovery();
        RecoveryReport {
            cache_rebuilt: r.cache_rebuilt,
            outbox_moved_to: r.outbox_moved_to.clone(),
            events_salvaged: r.events_salvaged,
            events_unreadable: r.events_unreadable,
            outbox_found_empty: r.outbox_found_empty,
        }
    }

    /// Opens the data directory (creating and migrating the databases) and starts the
    /// background sync loop when a server URL is given.
    #[uniffi::constructor]
    pub fn new(config: CoreConfig, tokens: Arc<dyn TokenProvider>) -> Result<Arc<Self>, CoreError> {
        let core = Arc::new(Crossing::open(&config.data_dir)?);
        let service = match &config.server_url {
            Some(url) => {
                let transport = HttpTransport::new(url)?;
                let syncer = Syncer::new(
                    Arc::clone(&core),
                    Arc::new(transport),
                    Arc::new(ShellTokens(tokens)),
                    SyncConfig {
                        platform: config.platform.clone(),
                        app_version: config.app_version.clone(),
                    },
                );
                Some(Arc::new(SyncService::new(syncer)))
            }
            None => None,
        };
        let loop_task = service.as_ref().map(|svc| {
            let svc = Arc::clone(svc);
            runtime().spawn(async move { svc.run().await })
        });
        Ok(Arc::new(CrossingCore {
            core,
            service,
            loop_task: Mutex::new(loop_task),
        }))
    }

    /// This install's device id.
    pub fn device_id(&self) -> String {
        self.core.device_id().to_string()
    }

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
                eta: t.eta_local.replace('T', " "),
                eta_zone: t.eta_zone,
                state: t.state.into(),
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
            state: v.state.into(),
            status: TripStatus {
                headline: v.status.headline,
                not_yet_sent: v.status.progress_not_yet_sent,
                customs: v.status.customs.map(|c| format!("{} (customs)", c.label)),
                needs_acknowledgement: v.status.needs_acknowledgement,
                pending_events: n(v.status.pending_events),
                dead_events: n(v.status.dead_events),
            },
            sections: v
                .sections
                .into_iter()
                .map(|s| Section {
                    title: s.title,
                    fields: s
                        .fields
                        .into_iter()
                        .map(|f| Field {
                            label: f.label,
                            value: f.value,
                        })
                        .collect(),
                })
                .collect(),
            warnings: v.warnings,
            amendment: v.amendment.map(|a| Amendment {
                from_version: a.from_version,
                to_version: a.to_version,
                changes: a.changes,
                shipments_added: a.shipments_added,
                shipments_removed: a.shipments_removed,
                shipments_changed: a.shipments_changed,
                codes_changed: a.codes_changed,
            }),
            codes: v
                .codes
                .into_iter()
                .map(|c| CodeChoice {
                    kind: c.kind.into(),
                    shipment: c.shipment,
                })
                .collect(),
            actions: actions
                .into_iter()
                .map(|a| StatusAction {
                    kind: a.kind.into(),
                    label: a.label,
                    recommended: a.recommended,
                    needs_shipment: a.needs_shipment,
                    needs_inspection: a.needs_inspection,
                    needs_note: a.needs_note,
                    shipments: a.shipments,
                })
                .collect(),
        })
    }

    /// A border code of a trip's current version, as modules.
    pub fn border_code(
        &self,
        trip_id: String,
        kind: BorderCodeKind,
        shipment: Option<String>,
    ) -> Result<BorderCode, CoreError> {
        let c = self
            .core
            .border_code(&trip_id, kind.into(), shipment.as_deref())?;
        Ok(BorderCode {
            kind: c.kind.into(),
            symbology: match c.symbology {
                codes::Symbology::Qr => "qr",
                codes::Symbology::Code128 => "code128",
                codes::Symbology::Code39 => "code39",
            }
            .to_string(),
            payload: c.payload,
            human_readable: c.human_readable,
            title: c.title,
            width: c.matrix.width,
            height: c.matrix.height,
            quiet_zone: c.matrix.quiet_zone,
            modules: c.matrix.modules,
            trip_version: c.trip_version,
            caveats: c.caveats,
        })
    }

    /// Records a status event (durable when this returns) and asks for a sync.
    pub fn record_event(&self, input: EventInput) -> Result<StatusEvent, CoreError> {
        let mut core_input = crossing_core::EventInput::new(input.trip_id, input.kind.into());
        core_input.port = input.port;
        core_input.shipment = input.shipment;
        core_input.inspection = input.inspection.map(|i| match i {
            InspectionLevel::Primary => crossing_core::Inspection::Primary,
            InspectionLevel::Secondary => crossing_core::Inspection::Secondary,
        });
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

    /// Imports a trip document (as if pushed), e.g. from a shared file.
    pub fn import_trip_json(&self, json: String) -> Result<String, CoreError> {
        Ok(self.core.import_trip_json(json.as_bytes())?.trip_id)
    }

    /// One sync now (push, then pull), on the core's runtime. Safe to cancel.
    pub async fn sync(&self) -> Result<SyncReport, CoreError> {
        let service = Arc::clone(self.service()?);
        let report = runtime()
            .spawn(async move { service.syncer().sync_once(0).await })
            .await
            .map_err(|e| CoreError::Internal {
                reason: format!("sync task: {e}"),
            })??;
        Ok(SyncReport {
            uploaded: n(report.uploaded),
            duplicates: n(report.duplicates),
            dead_lettered: n(report.dead_lettered),
            trips_updated: n(report.trips_updated),
            trips_removed: n(report.trips_removed),
            requests: n(report.requests),
        })
    }

    /// Sync state and counts.
    pub fn sync_status(&self) -> Result<SyncStatus, CoreError> {
        self.status()
    }

    /// Asks the background loop for a sync soon (coalesces with other requests).
    pub fn request_sync(&self) -> Result<(), CoreError> {
        self.service()?.request_sync();
        Ok(())
    }

    /// The network is back: sync promptly (unless the server asked to wait longer).
    pub fn network_available(&self) -> Result<(), CoreError> {
        self.service()?.network_available();
        Ok(())
    }

    /// Calls `observer` with the current sync status, then on every change, until the
    /// returned handle is cancelled or dropped.
    pub fn observe_sync(
        self: Arc<Self>,
        observer: Arc<dyn SyncObserver>,
    ) -> Result<Arc<TaskHandle>, CoreError> {
        let mut rx = self.service()?.subscribe();
        // The status as of this call, taken here rather than in the task: the task may
        // first run after a sync has already started, and the observer must still see the
        // state it subscribed in first. Changes after `subscribe` wake the loop below.
        let initial = self.status()?;
        let me = Arc::clone(&self);
        let task = runtime().spawn(async move {
            observer.on_sync_status(initial);
            while rx.changed().await.is_ok() {
                if let Ok(status) = me.status() {
                    observer.on_sync_status(status);
                }
            }
        });
        Ok(Arc::new(TaskHandle {
            task: Mutex::new(Some(task)),
        }))
    }

    /// Stops the background sync loop (the app is going away). Not named `close`.
    pub fn shutdown(&self) {
        if let Some(t) = self
            .loop_task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
        {
            t.abort();
        }
    }
}

impl Drop for CrossingCore {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Test-only: panics inside the library, so shells can check a Rust panic arrives as an
/// exception instead of killing the process.
#[uniffi::export]
pub fn test_panic(message: String) -> String {
    panic!("test panic: {message}");
}

/// The core's version, for about screens and the server's version check.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
