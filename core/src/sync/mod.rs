//! The sync engine: push the outbox, then pull the change feed.
//!
//! - Push: pending events in device order, batches of at most 500 events and 256 KiB
//!   ([`MAX_BATCH_EVENTS`], [`MAX_BATCH_BYTES`]). Accepted
//!   and duplicate events are marked sent; events the server refuses for good go to the
//!   dead-letter state; the rest of the queue continues.
//! - Pull: pages of the driver's change feed; each page and its cursor are applied in one
//!   cache transaction, so a crash or a bad page never advances the cursor past unapplied data.
//! - Failures are read by the pure [`planner`](crate::planner); this module only does the I/O.
//!
//! Cancel safety: local state changes only in single transactions after an answer arrives, so
//! dropping a sync at any await point loses nothing (pending events stay pending) and duplicates
//! nothing (the server de-duplicates a resent event by its id).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

use crate::error::Error;
use crate::events::{DeliveryState, StatusEvent};
pub mod planner;
pub mod transport;

use crate::protocol::{
    ChangesPage, EventsResponse, EventsUpload, RegisterDevice, WireEvent, CLIENT_VERSION_HEADER,
    FEATURES_HEADER, FEATURE_CUSTOMS, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_PAGE_CHANGES,
};
use crate::Crossing;
use planner::{Decision, Failure, SyncState};
use transport::{Method, Request, Response, Transport};

/// Supplies the driver's bearer token. The shell keeps it in Keystore/Keychain; Rust never
/// stores it.
pub trait TokenProvider: Send + Sync {
    /// The current token; with `force_refresh`, a fresh one (after a 401). `Ok(None)`: signed
    /// out. `Err`: the token store could not be read now (a locked phone, a Keystore hiccup):
    /// the sync is retried later, and the driver is not told to sign in again.
    fn token(&self, force_refresh: bool) -> Result<Option<String>, TokenUnavailable>;
}

/// The token store did not answer; the words say why (never the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUnavailable(pub String);

/// A fixed token (the CLI).
#[derive(Debug, Clone)]
pub struct StaticToken(pub String);

impl TokenProvider for StaticToken {
    fn token(&self, _force_refresh: bool) -> Result<Option<String>, TokenUnavailable> {
        Ok(Some(self.0.clone()))
    }
}

/// Who is syncing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConfig {
    /// `android`, `ios`, `desktop`.
    pub platform: String,
    /// App version, sent in `x-crossing-client`.
    pub app_version: String,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            platform: "desktop".into(),
            app_version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Events the server stored now.
    pub uploaded: usize,
    /// Events the server already had (a replay).
    pub duplicates: usize,
    /// Events refused for good, now dead-lettered.
    pub dead_lettered: usize,
    /// Events refused for now; retried later.
    pub retry_later: usize,
    /// Trips stored or amended.
    pub trips_updated: usize,
    /// Trips cancelled or unassigned (personal data removed).
    pub trips_removed: usize,
    /// Whether the cache was pulled again from scratch.
    pub resynced: bool,
    /// HTTP requests made.
    pub requests: usize,
    /// Request body bytes sent.
    pub bytes_up: usize,
    /// Response body bytes received (after decompression).
    pub bytes_down: usize,
}

/// Why a sync stopped early. The queue is always intact.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// Try again later (offline, server busy or failing).
    #[error("{reason}; retrying in {:.1} s", after.as_secs_f64())]
    Retry {
        /// Suggested wait (already honours `Retry-After`).
        after: Duration,
        /// No answer at all: probably offline.
        offline: bool,
        /// Whether the server set the wait (`Retry-After`): then no request goes sooner.
        server_said: bool,
        /// What happened.
        reason: String,
    },
    /// The token was refused after one refresh: sign in again.
    #[error("sign-in required")]
    SignInRequired,
    /// The server needs a newer app.
    #[error("update required")]
    UpdateRequired,
    /// Something retrying soon cannot fix.
    #[error("{reason}; stopped for {} min", after.as_secs() / 60)]
    Stop {
        /// Wait before trying again.
        after: Duration,
        /// What happened.
        reason: String,
    },
    /// The phone itself failed: its stores, or encoding a request.
    #[error("{reason}")]
    Local {
        /// What kind of failure, for the shells to tell the driver.
        failure: LocalFailure,
        /// The failure in words (names the file or field; no personal data).
        reason: String,
    },
}

/// What kind of local failure stopped a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalFailure {
    /// A store was written by a newer app: update the app (the file was left untouched).
    DatabaseTooNew,
    /// SQLite or the file system failed, or stored data is damaged.
    Storage,
    /// A request could not be built or an input was refused (a bug, not the network).
    Internal,
}

impl SyncError {
    fn internal(reason: impl std::fmt::Display) -> Self {
        SyncError::Local {
            failure: LocalFailure::Internal,
            reason: reason.to_string(),
        }
    }
}

impl From<Error> for SyncError {
    fn from(e: Error) -> Self {
        let failure = match &e {
            Error::DatabaseTooNew { .. } => LocalFailure::DatabaseTooNew,
            Error::Storage(_) | Error::Io { .. } | Error::Corrupt(_) => LocalFailure::Storage,
            Error::Document(_)
            | Error::UnknownTrip(_)
            | Error::NoActiveTrip
            | Error::Barcode { .. } => LocalFailure::Internal,
        };
        SyncError::Local {
            failure,
            reason: e.to_string(),
        }
    }
}

/// Pushes and pulls for one device against one server.
#[derive(Clone)]
pub struct Syncer {
    core: Arc<Crossing>,
    transport: Arc<dyn Transport>,
    tokens: Arc<dyn TokenProvider>,
    config: SyncConfig,
}

struct Run {
    report: SyncReport,
    token: String,
    refreshed: bool,
    reregistered: bool,
    attempt: u32,
}

fn failure_of(resp: &Response, now: chrono::DateTime<chrono::Utc>) -> Failure {
    if (300..400).contains(&resp.status) {
        return Failure::BadResponse(format!(
            "the server answered {} (a redirect); Crossing talks only to the configured server",
            resp.status
        ));
    }
    let code = serde_json::from_slice::<crate::protocol::ApiError>(&resp.body)
        .ok()
        .map(|e| e.error);
    Failure::Http {
        status: resp.status,
        code,
        retry_after: resp
            .header("retry-after")
            .and_then(|v| planner::parse_retry_after(v, now)),
    }
}

/// Whether a token can be sent at all: visible ASCII only (a newline or a space in it would
/// make every request fail before it leaves, which looked like "no network"). An unusable
/// token means "sign in again", not "retry".
fn usable_token(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_graphic())
}

/// A token store that did not answer: retry with the usual backoff, not "sign in again".
fn token_unavailable(e: &TokenUnavailable, attempt: u32) -> SyncError {
    SyncError::Retry {
        after: planner::backoff(attempt, fastrand::f64()).max(Duration::from_secs(1)),
        offline: false,
        server_said: false,
        reason: format!("the phone's token store did not answer ({})", e.0),
    }
}

fn describe(f: &Failure) -> String {
    match f {
        Failure::Network(m) => format!("no connection: {m}"),
        Failure::Http { status, code, .. } => match code {
            Some(c) => format!("server answered {status} {c}"),
            None => format!("server answered {status}"),
        },
        Failure::BadResponse(m) => format!("unusable answer: {m}"),
        Failure::TokenStore(m) => format!("the phone's token store did not answer ({m})"),
    }
}

fn encode_query(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Syncer {
    /// A syncer for this core, talking through `transport`.
    pub fn new(
        core: Arc<Crossing>,
        transport: Arc<dyn Transport>,
        tokens: Arc<dyn TokenProvider>,
        config: SyncConfig,
    ) -> Self {
        Syncer {
            core,
            transport,
            tokens,
            config,
        }
    }

    /// A syncer for `core` against the fleet server at `base_url` over the crate's HTTP
    /// transport ([`transport::HttpTransport`], the platform's trust roots): the one place the
    /// app, the CLI, the demo and the test helpers put transport, tokens and config together.
    #[inline]
    pub fn over_http(
        core: Arc<Crossing>,
        base_url: &str,
        tokens: Arc<dyn TokenProvider>,
        config: SyncConfig,
    ) -> Result<Self, Error> {
        let transport = transport::HttpTransport::new(base_url)?;
        Ok(Syncer::new(core, Arc::new(transport), tokens, config))
    }

    /// The core this syncer writes to.
    pub fn core(&self) -> &Arc<Crossing> {
        &self.core
    }

    /// One sync: register if needed, push the outbox, pull the feed. `attempt` counts failed
    /// syncs in a row (for the backoff). The state is saved for `crossing status`.
    pub async fn sync_once(&self, attempt: u32) -> std::result::Result<SyncReport, SyncError> {
        let result = self.sync_inner(attempt).await;
        let state = match &result {
            Ok(_) => SyncState::Idle,
            Err(e) => state_of(e, self.core.clock().now_utc()),
        };
        self.core.save_sync_state(&state, result.is_ok())?;
        result
    }

    async fn sync_inner(&self, attempt: u32) -> std::result::Result<SyncReport, SyncError> {
        let token = self
            .tokens
            .token(false)
            .map_err(|e| token_unavailable(&e, attempt))?
            .filter(|t| usable_token(t))
            .ok_or(SyncError::SignInRequired)?;
        let mut run = Run {
            report: SyncReport::default(),
            token,
            refreshed: false,
            reregistered: false,
            attempt,
        };
        if !self.core.device_registered()? {
            self.register(&mut run).await?;
        }
        self.push(&mut run).await?;
        self.pull(&mut run).await?;
        Ok(run.report)
    }

    fn fail(&self, run: &Run, f: &Failure) -> Decision {
        planner::decide(f, run.attempt, fastrand::f64(), run.refreshed)
    }

    fn to_error(&self, f: &Failure, d: Decision) -> SyncError {
        let server_said = matches!(
            f,
            Failure::Http {
                retry_after: Some(_),
                ..
            }
        );
        match d {
            Decision::Retry { after, offline } => SyncError::Retry {
                after,
                offline,
                server_said,
                reason: describe(f),
            },
            Decision::SignInRequired | Decision::RefreshToken => SyncError::SignInRequired,
            Decision::UpdateRequired => SyncError::UpdateRequired,
            Decision::Stop { after } => SyncError::Stop {
                after,
                reason: describe(f),
            },
            Decision::Reregister | Decision::Resync | Decision::HalveBatch => SyncError::Stop {
                after: planner::STOP_BACKOFF,
                reason: format!("{} (again after recovery)", describe(f)),
            },
        }
    }

    /// Sends one request; on 401 asks for a fresh token once and resends.
    async fn call(
        &self,
        run: &mut Run,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
    ) -> std::result::Result<Response, Failure> {
        loop {
            let request = Request {
                method,
                path: path.to_string(),
                headers: vec![
                    ("authorization".into(), format!("Bearer {}", run.token)),
                    (
                        CLIENT_VERSION_HEADER.into(),
                        self.config.app_version.clone(),
                    ),
                    // This phone reads `customs` feed entries.
                    (FEATURES_HEADER.into(), FEATURE_CUSTOMS.into()),
                    // The server's refusal reasons in the driver's language where it has it.
                    (
                        "accept-language".into(),
                        self.core.text().lang().tag().to_string(),
                    ),
                ],
                body: body.clone(),
            };
            run.report.requests += 1;
            run.report.bytes_up += body.as_ref().map_or(0, Vec::len);
            let resp = self
                .transport
                .send(request)
                .await
                .map_err(|e| Failure::Network(e.0))?;
            run.report.bytes_down += resp.body.len();
            if (200..300).contains(&resp.status) {
                return Ok(resp);
            }
            let failure = failure_of(&resp, self.core.clock().now_utc());
            if resp.status == 401 && !run.refreshed {
                run.refreshed = true;
                match self.tokens.token(true) {
                    Ok(Some(t)) if usable_token(&t) => {
                        run.token = t;
                        continue;
                    }
                    // The store could not be read: not "signed out"; retried like a network
                    // failure (the 401 stays unanswered until then).
                    Err(e) => return Err(Failure::TokenStore(e.0)),
                    Ok(_) => return Err(failure),
                }
            }
            return Err(failure);
        }
    }

    async fn register(&self, run: &mut Run) -> std::result::Result<(), SyncError> {
        let body = serde_json::to_vec(&RegisterDevice {
            device_id: self.core.device_id().to_string(),
            platform: self.config.platform.clone(),
            app_version: self.config.app_version.clone(),
        })
        .map_err(SyncError::internal)?;
        match self
            .call(run, Method::Post, "/v1/devices", Some(body))
            .await
        {
            Ok(_) => {
                self.core.set_device_registered(true)?;
                Ok(())
            }
            Err(f) => {
                let d = self.fail(run, &f);
                Err(self.to_error(&f, d))
            }
        }
    }

    async fn push(&self, run: &mut Run) -> std::result::Result<(), SyncError> {
        let mut max_events = MAX_BATCH_EVENTS;
        loop {
            let pending = self.core.pending_events(max_events)?;
            if pending.is_empty() {
                return Ok(());
            }
            let wire: Vec<WireEvent> = pending.iter().map(to_wire).collect();
            let sizes: Vec<usize> = wire
                .iter()
                .map(|w| serde_json::to_vec(w).map_or(1024, |v| v.len() + 1))
                .collect();
            let n = planner::batch_len(&sizes, max_events, MAX_BATCH_BYTES - 1024);
            let mut events = wire;
            events.truncate(n);
            let upload = EventsUpload {
                device_id: self.core.device_id().to_string(),
                sent_at: self
                    .core
                    .clock()
                    .now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
                events,
            };
            let body = serde_json::to_vec(&upload).map_err(SyncError::internal)?;
            match self.call(run, Method::Post, "/v1/events", Some(body)).await {
                Ok(resp) => {
                    let answer: EventsResponse =
                        serde_json::from_slice(&resp.body).map_err(|e| SyncError::Stop {
                            after: planner::STOP_BACKOFF,
                            reason: format!("unusable events answer: {e}"),
                        })?;
                    let sent_ids: Vec<&str> =
                        upload.events.iter().map(|e| e.event_id.as_str()).collect();
                    let got_ids: Vec<&str> =
                        answer.results.iter().map(|r| r.event_id.as_str()).collect();
                    if sent_ids != got_ids {
                        return Err(SyncError::Stop {
                            after: planner::STOP_BACKOFF,
                            reason: "events answer does not match the batch".into(),
                        });
                    }
                    let counts = self.core.apply_results(&answer.results)?;
                    run.report.uploaded += counts.accepted;
                    run.report.duplicates += counts.duplicate;
                    run.report.dead_lettered += counts.dead_lettered;
                    run.report.retry_later += counts.retry_later;
                    if counts.retry_later > 0 {
                        // Some events must wait; the rest of the queue goes next time.
                        return Ok(());
                    }
                }
                Err(f) => match self.fail(run, &f) {
                    Decision::HalveBatch if n > 1 => max_events = (n / 2).max(1),
                    Decision::Reregister if !run.reregistered => {
                        run.reregistered = true;
                        self.core.set_device_registered(false)?;
                        self.register(run).await?;
                    }
                    d => return Err(self.to_error(&f, d)),
                },
            }
        }
    }

    async fn pull(&self, run: &mut Run) -> std::result::Result<(), SyncError> {
        loop {
            let cursor = self.core.feed_cursor()?;
            let mut path = format!("/v1/changes?limit={MAX_PAGE_CHANGES}");
            if let Some(c) = &cursor {
                path.push_str("&cursor=");
                path.push_str(&encode_query(c));
            }
            match self.call(run, Method::Get, &path, None).await {
                Ok(resp) => {
                    let page: ChangesPage =
                        serde_json::from_slice(&resp.body).map_err(|e| SyncError::Stop {
                            after: planner::STOP_BACKOFF,
                            reason: format!("unusable change page: {e}"),
                        })?;
                    let counts = self.core.apply_page(&page, cursor.is_none()).map_err(|e| {
                        SyncError::Stop {
                            after: planner::STOP_BACKOFF,
                            reason: format!("change page refused, cursor kept: {e}"),
                        }
                    })?;
                    run.report.trips_updated += counts.updated;
                    run.report.trips_removed += counts.removed;
                    if !page.has_more {
                        return Ok(());
                    }
                }
                Err(f) => match self.fail(run, &f) {
                    Decision::Resync if !run.report.resynced => {
                        run.report.resynced = true;
                        self.core.reset_feed_cursor()?;
                    }
                    d => return Err(self.to_error(&f, d)),
                },
            }
        }
    }
}

fn to_wire(e: &StatusEvent) -> WireEvent {
    WireEvent {
        event_id: e.event_id.clone(),
        device_seq: e.device_seq,
        trip_id: e.trip_id.clone(),
        trip_version_seen: e.trip_version_seen,
        kind: e.kind.as_str().to_string(),
        port: e.port.clone(),
        shipment: e.shipment.clone(),
        inspection: e.inspection.map(|i| i.as_str().to_string()),
        corrects: e.corrects.clone(),
        note: e.note.clone(),
        occurred_at: e.occurred_at.clone(),
    }
}

fn rfc3339_in(now: chrono::DateTime<chrono::Utc>, d: Duration) -> String {
    (now + chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::hours(24)))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The state to show after a failed sync that ended at `now`.
pub fn state_of(e: &SyncError, now: chrono::DateTime<chrono::Utc>) -> SyncState {
    match e {
        SyncError::Retry {
            after,
            offline: true,
            ..
        } => SyncState::Offline {
            retry_at: rfc3339_in(now, *after),
        },
        SyncError::Retry { after, reason, .. } | SyncError::Stop { after, reason } => {
            SyncState::BackingOff {
                until: rfc3339_in(now, *after),
                reason: reason.clone(),
            }
        }
        SyncError::SignInRequired => SyncState::SignInRequired,
        SyncError::UpdateRequired => SyncState::UpdateRequired,
        SyncError::Local { reason, .. } => SyncState::BackingOff {
            until: rfc3339_in(now, planner::STOP_BACKOFF),
            reason: reason.clone(),
        },
    }
}

/// Sync state plus counts, for the shells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// The state.
    pub state: SyncState,
    /// Events waiting to be sent.
    pub pending: usize,
    /// Events the server refused for good.
    pub dead: usize,
    /// Last successful sync (RFC 3339), if any.
    pub last_success: Option<String>,
}

/// The one way a sync runs on a phone: the background loop, a manual "sync now"
/// (pull-to-refresh, WorkManager, BGTask) and the CLI all go through it.
///
/// - One run at a time: a [`sync_now`](Self::sync_now) while a run is in flight waits for that
///   run and returns its result (one run on the wire), and the loop waits its turn.
/// - One attempt counter and one backoff: a manual sync after failures backs off like the loop,
///   and a server's `Retry-After` holds for every caller (a manual sync inside it sends nothing).
/// - Every run's state is published on the watch channel ([`subscribe`](Self::subscribe)).
///
/// Triggers coalesce: any number of [`request_sync`](Self::request_sync) calls while a sync
/// runs cause exactly one more sync. Dropping a run at any await point is safe (see the module
/// doc); the state then goes back to what was last saved, never stays "syncing".
pub struct SyncService {
    syncer: Syncer,
    trigger: Notify,
    state: watch::Sender<SyncState>,
    /// The number of the last finished run and its result (waiters of a run in flight).
    finished: watch::Sender<(u64, Option<RunResult>)>,
    run_lock: tokio::sync::Mutex<()>,
    not_before: Mutex<Option<Instant>>,
    attempt: AtomicU32,
    runs: AtomicU64,
}

/// What one run of the service ended with.
pub type RunResult = std::result::Result<SyncReport, SyncError>;

/// Publishes the end of a run, also when the run is dropped half-way (aborted task, shutdown).
struct RunGuard<'a> {
    service: &'a SyncService,
    number: u64,
    done: bool,
}

impl Drop for RunGuard<'_> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let saved = self
            .service
            .syncer
            .core
            .sync_status()
            .map_or(SyncState::Idle, |s| s.state);
        self.service.state.send_replace(saved);
        self.service.finished.send_replace((
            self.number,
            Some(Err(SyncError::Retry {
                after: Duration::ZERO,
                offline: false,
                server_said: false,
                reason: "the sync was stopped before it finished; nothing was lost".into(),
            })),
        ));
    }
}

impl SyncService {
    /// A service around a syncer.
    pub fn new(syncer: Syncer) -> Self {
        let (state, _) = watch::channel(SyncState::Idle);
        let (finished, _) = watch::channel((0, None));
        SyncService {
            syncer,
            trigger: Notify::new(),
            state,
            finished,
            run_lock: tokio::sync::Mutex::new(()),
            not_before: Mutex::new(None),
            attempt: AtomicU32::new(0),
            runs: AtomicU64::new(0),
        }
    }

    /// Asks the loop for a sync soon (e.g. an event was recorded, the app came to the
    /// foreground, the network is back). Never sooner than a server's `Retry-After`.
    pub fn request_sync(&self) {
        self.trigger.notify_one();
    }

    /// Watch the state; the receiver holds the current value.
    pub fn subscribe(&self) -> watch::Receiver<SyncState> {
        self.state.subscribe()
    }

    /// The state now.
    pub fn state(&self) -> SyncState {
        self.state.borrow().clone()
    }

    /// How many syncs ran (started), by any caller.
    pub fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }

    /// Failed runs in a row (the backoff's attempt number).
    pub fn attempt(&self) -> u32 {
        self.attempt.load(Ordering::Relaxed)
    }

    fn lock_not_before(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.not_before
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// One sync now, for a shell's "sync now", a background task or the CLI. Joins a run in
    /// flight instead of starting a second one. Inside a server's `Retry-After` it sends
    /// nothing and answers "retry" with the time left.
    pub async fn sync_now(&self) -> RunResult {
        let guard = match self.run_lock.try_lock() {
            Ok(guard) => guard,
            Err(_) => return self.join_run_in_flight().await,
        };
        if let Some(nb) = *self.lock_not_before() {
            let now = Instant::now();
            if nb > now {
                return Err(SyncError::Retry {
                    after: nb - now,
                    offline: false,
                    server_said: true,
                    reason: "the server asked to wait before the next sync".into(),
                });
            }
        }
        self.run_locked(guard).await.0
    }

    /// Waits for the run holding the lock to finish and returns its result.
    async fn join_run_in_flight(&self) -> RunResult {
        let target = self.runs.load(Ordering::Relaxed);
        let mut rx = self.finished.subscribe();
        loop {
            {
                let (number, result) = &*rx.borrow_and_update();
                if *number >= target {
                    if let Some(r) = result {
                        return r.clone();
                    }
                }
            }
            if rx.changed().await.is_err() {
                return Err(SyncError::internal("the sync service went away"));
            }
        }
    }

    /// Runs one sync holding the run lock; returns its result and when the loop should wake.
    async fn run_locked(
        &self,
        _lock: tokio::sync::MutexGuard<'_, ()>,
    ) -> (RunResult, Option<Instant>) {
        self.state.send_replace(SyncState::Syncing);
        let number = self.runs.fetch_add(1, Ordering::Relaxed) + 1;
        let mut guard = RunGuard {
            service: self,
            number,
            done: false,
        };
        let attempt = self.attempt.load(Ordering::Relaxed);
        crate::log::info("sync", &format!("run {number} started, attempt {attempt}"));
        let result = self.syncer.sync_once(attempt).await;
        let wake = self.settle(&result, attempt);
        crate::log::info("sync", &crate::log::describe_run(number, &result));
        guard.done = true;
        self.finished.send_replace((number, Some(result.clone())));
        (result, wake)
    }

    /// Updates the attempt counter, the server's hold and the published state after a run;
    /// returns when the loop should try again by itself.
    fn settle(&self, result: &RunResult, attempt: u32) -> Option<Instant> {
        let mut nb = self.lock_not_before();
        *nb = None;
        match result {
            Ok(report) => {
                self.attempt.store(0, Ordering::Relaxed);
                self.state.send_replace(SyncState::Idle);
                (report.retry_later > 0)
                    .then(|| Instant::now() + planner::backoff(attempt, fastrand::f64()))
            }
            Err(e) => {
                self.attempt.fetch_add(1, Ordering::Relaxed);
                let next = match e {
                    SyncError::Retry {
                        after, server_said, ..
                    } => {
                        let at = Instant::now() + *after;
                        if *server_said {
                            *nb = Some(at);
                        }
                        Some(at)
                    }
                    SyncError::Stop { after, .. } => Some(Instant::now() + *after),
                    SyncError::Local { .. } => Some(Instant::now() + planner::STOP_BACKOFF),
                    // Wait for a trigger (new token, app update).
                    SyncError::SignInRequired | SyncError::UpdateRequired => None,
                };
                self.state
                    .send_replace(state_of(e, self.syncer.core().clock().now_utc()));
                next
            }
        }
    }

    /// The loop: waits for a trigger or the end of a backoff, then syncs. Never returns.
    pub async fn run(&self) {
        let mut wake: Option<Instant> = None;
        loop {
            match wake {
                Some(at) => {
                    tokio::select! {
                        () = tokio::time::sleep_until(at) => {}
                        () = self.trigger.notified() => {}
                    }
                }
                None => self.trigger.notified().await,
            }
            let not_before = *self.lock_not_before();
            if let Some(nb) = not_before {
                tokio::time::sleep_until(nb).await;
            }
            let lock = self.run_lock.lock().await;
            wake = self.run_locked(lock).await.1;
        }
    }

    /// Whether the last failure looked like no network (for shells deciding when to listen).
    pub fn is_offline(&self) -> bool {
        matches!(*self.state.borrow(), SyncState::Offline { .. })
    }

    /// The syncer.
    pub fn syncer(&self) -> &Syncer {
        &self.syncer
    }
}

/// Pending and dead events of a delivery state, for tests and displays.
pub fn count_state(events: &[StatusEvent], state: DeliveryState) -> usize {
    events.iter().filter(|e| e.state == state).count()
}
